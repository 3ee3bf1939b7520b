import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { useMe } from '@/lib/auth';
import { afterFirstScreen } from '@/ui/after-first-screen';
import { Loading } from '@/ui/states';
// The front page before login is in the first chunk (no round trip for a lazy one); Beranda is lazy.
import { LandingPage as Landing } from './landing-page';

const Home = lazy(() => Promise.all([import('./home-page'), afterFirstScreen()]).then(([m]) => ({ default: m.HomePage })));

/** `/` is the program's front page before login and the person's Beranda after. */
function Front() {
  const { token, me, isPending } = useMe();
  if (token && isPending) return <Loading />;
  return token && me ? <Home /> : <Landing />;
}

export const routes: RouteObject[] = [{ index: true, Component: Front }];
