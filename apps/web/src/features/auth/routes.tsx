import type { RouteObject } from 'react-router';

export const routes: RouteObject[] = [
  { path: 'login', lazy: () => import('./login-page').then((m) => ({ Component: m.LoginPage })) },
  { path: 'register', lazy: () => import('./register-page').then((m) => ({ Component: m.RegisterPage })) },
];
