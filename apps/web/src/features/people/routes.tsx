import type { RouteObject } from 'react-router';

/** The admin's people pages; each loads its own chunk. */
export const routes: RouteObject[] = [
  { path: 'admin/people', lazy: () => import('./people-page').then((m) => ({ Component: m.PeoplePage })) },
  { path: 'admin/people/new', lazy: () => import('./new-person-page').then((m) => ({ Component: m.NewPersonPage })) },
  { path: 'admin/people/:id', lazy: () => import('./person-page').then((m) => ({ Component: m.PersonPage })) },
];
