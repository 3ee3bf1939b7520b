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
  // The Dinas's console (admin area; StaffPage checks the role, the api refuses anyone else).
  { path: 'admin/workshops', lazy: () => import('./admin/admin-workshops-page').then((m) => ({ Component: m.AdminWorkshopsPage })) },
  { path: 'admin/workshops/new', lazy: () => import('./admin/workshop-form-page').then((m) => ({ Component: m.NewWorkshopPage })) },
  { path: 'admin/workshops/:id/edit', lazy: () => import('./admin/workshop-form-page').then((m) => ({ Component: m.EditWorkshopPage })) },
  { path: 'admin/workshops/:id/:tab?', lazy: () => import('./admin/admin-workshop-page').then((m) => ({ Component: m.AdminWorkshopPage })) },
  { path: 'certificates/:number', lazy: () => import('./verify-certificate-page').then((m) => ({ Component: m.VerifyCertificatePage })) },
];
