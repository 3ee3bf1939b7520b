import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. */
export const routes: RouteObject[] = [{ path: 'profile', lazy: () => import('./profile-page').then((m) => ({ Component: m.ProfilePage })) }];
