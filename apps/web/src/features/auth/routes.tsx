import type { RouteObject } from 'react-router';
import { LoginPage } from './login-page';

// The login page is in the first chunk: on a 400 ms line a lazy chunk would cost a round trip before the
// form appears. Registration is lazy (its region picker brings comboboxes).
export const routes: RouteObject[] = [
  { path: 'login', Component: LoginPage },
  { path: 'register', lazy: () => import('./register-page').then((m) => ({ Component: m.RegisterPage })) },
];
