import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. */
export const routes: RouteObject[] = [{ path: 'admin/regions', lazy: () => import('./regions-page').then((m) => ({ Component: m.RegionsPage })) }];
