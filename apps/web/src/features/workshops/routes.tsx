import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. The list, a workshop and certificate checks are public. */
export const routes: RouteObject[] = [
  { path: 'workshops', lazy: () => import('./workshops-page').then((m) => ({ Component: m.WorkshopsPage })) },
  { path: 'workshops/mine', lazy: () => import('./my-workshops-page').then((m) => ({ Component: m.MyWorkshopsPage })) },
  { path: 'workshops/:id', lazy: () => import('./workshop-detail-page').then((m) => ({ Component: m.WorkshopDetailPage })) },
  { path: 'workshops/:id/sessions/:sid', lazy: () => import('./live-session-page').then((m) => ({ Component: m.LiveSessionPage })) },
  { path: 'workshops/:id/certificate', lazy: () => import('./certificate-page').then((m) => ({ Component: m.CertificatePage })) },
  { path: 'certificates/:number', lazy: () => import('./verify-certificate-page').then((m) => ({ Component: m.VerifyCertificatePage })) },
];
