import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. The list, a workshop and certificate checks are public; the speaker's area (speaker/) is behind its role. */
export const routes: RouteObject[] = [
  { path: 'workshops', lazy: () => import('./workshops-page').then((m) => ({ Component: m.WorkshopsPage })) },
  { path: 'workshops/mine', lazy: () => import('./my-workshops-page').then((m) => ({ Component: m.MyWorkshopsPage })) },
  { path: 'workshops/:id', lazy: () => import('./workshop-detail-page').then((m) => ({ Component: m.WorkshopDetailPage })) },
  { path: 'workshops/:id/sessions/:sid', lazy: () => import('./live-session-page').then((m) => ({ Component: m.LiveSessionPage })) },
  { path: 'workshops/:id/certificate', lazy: () => import('./certificate-page').then((m) => ({ Component: m.CertificatePage })) },
  { path: 'speaker', lazy: () => import('./speaker/my-sessions-page').then((m) => ({ Component: m.MySessionsPage })) },
  { path: 'speaker/workshops/:id/sessions/:sid', lazy: () => import('./speaker/session-page').then((m) => ({ Component: m.SpeakerSessionPage })) },
  { path: 'speaker/workshops/:id/report', lazy: () => import('./speaker/report-page').then((m) => ({ Component: m.SpeakerReportPage })) },
  { path: 'certificates/:number', lazy: () => import('./verify-certificate-page').then((m) => ({ Component: m.VerifyCertificatePage })) },
];
