import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. */
export const routes: RouteObject[] = [{ path: 'admin/reports', lazy: () => import('./reports-page').then((m) => ({ Component: m.ReportsPage })) }];
