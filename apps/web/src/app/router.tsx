import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { routes as auth } from '@/features/auth/routes';
import { routes as home } from '@/features/home/routes';
import { routes as consultations } from '@/features/consultations/routes';
import { routes as workshops } from '@/features/workshops/routes';
import { routes as notifications } from '@/features/notifications/routes';
import { routes as profile } from '@/features/profile/routes';
import { routes as reports } from '@/features/reports/routes';
import { routes as people } from '@/features/people/routes';
import { routes as regions } from '@/features/regions/routes';
import { routes as adminNotifications } from '@/features/notifications/admin/routes';
import { afterFirstScreen } from '@/ui/after-first-screen';
import { Layout } from './layout';
import { RouteError } from './route-error';

/**
 * Every page is a lazy route: the first screen loads only the shell and its own chunk, and the video
 * SDK only a room page. Features export their routes; pages behind a login wrap themselves in RequireAuth.
 */
const FIRST_SCREENS = new Set(['login']);

/** Pages after the first screen bring Mantine's full stylesheet and the rest of the text with them. */
function withFullStyles(route: RouteObject): RouteObject {
  const { lazy } = route;
  if (typeof lazy !== 'function' || (route.path && FIRST_SCREENS.has(route.path))) return route;
  return { ...route, lazy: async () => (await Promise.all([lazy(), afterFirstScreen()]))[0] } as RouteObject;
}

const children: RouteObject[] = [
  ...home,
  ...auth,
  ...consultations,
  ...workshops,
  ...notifications,
  ...profile,
  ...reports,
  ...people,
  ...regions,
  ...adminNotifications,
  { path: 'admin', element: <Navigate to="/admin/workshops" replace /> },
  { path: '*', lazy: () => import('./not-found').then((m) => ({ Component: m.NotFound })) },
];

export const router = createBrowserRouter([{ element: <Layout />, errorElement: <RouteError />, children: children.map(withFullStyles) }]);
