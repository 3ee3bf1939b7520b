import type { RouteObject } from 'react-router';

/** This feature's pages; each loads its own chunk. */
export const routes: RouteObject[] = [
  { path: 'mentors', lazy: () => import('./mentors-page').then((m) => ({ Component: m.MentorsPage })) },
  { path: 'mentors/:id', lazy: () => import('./booking-page').then((m) => ({ Component: m.BookingPage })) },
  { path: 'consultations', lazy: () => import('./consultations-page').then((m) => ({ Component: m.ConsultationsPage })) },
  { path: 'consultations/:id', lazy: () => import('./consultation-page').then((m) => ({ Component: m.ConsultationPage })) },
  { path: 'consultations/:id/confirmed', lazy: () => import('./confirmation-page').then((m) => ({ Component: m.ConfirmationPage })) },
  { path: 'consultations/:id/reschedule', lazy: () => import('./reschedule-page').then((m) => ({ Component: m.ReschedulePage })) },
  { path: 'mentor/availability', lazy: () => import('./availability-page').then((m) => ({ Component: m.AvailabilityPage })) },
  { path: 'mentor', lazy: () => import('./desk/today-page').then((m) => ({ Component: m.TodayPage })) },
  { path: 'mentor/follow-ups', lazy: () => import('./desk/follow-ups-page').then((m) => ({ Component: m.FollowUpsPage })) },
  { path: 'mentor/cases', lazy: () => import('./desk/cases-page').then((m) => ({ Component: m.CasesPage })) },
  { path: 'entrepreneurs/:id', lazy: () => import('./desk/entrepreneur-page').then((m) => ({ Component: m.EntrepreneurPage })) },
  { path: 'mentor/week', lazy: () => import('./my-week-page').then((m) => ({ Component: m.MyWeekPage })) },
];
