import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. */
export const routes: RouteObject[] = [
  { path: 'notifications', lazy: () => import('./inbox-page').then((m) => ({ Component: m.InboxPage })) },
  { path: 'notifications/settings', lazy: () => import('./settings-page').then((m) => ({ Component: m.SettingsPage })) },
];
