import { lazy, Suspense, type ReactNode } from 'react';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import i18n from '@/i18n';
import { queryClient } from '@/lib/query-client';
import { SocketProvider } from '@/lib/socket';
import { useToken } from '@/lib/session';

// Toasts are for logged-in people (live notifications): their code loads after login.
const Notifications = lazy(() => Promise.all([import('@mantine/notifications'), import('@/ui/full-styles')]).then(([m]) => ({ default: m.Notifications })));

function Toasts() {
  const token = useToken();
  return token ? (
    <Suspense fallback={null}>
      <Notifications position="top-center" limit={3} />
    </Suspense>
  ) : null;
}

// Teal 9 and dark gray text on white pass WCAG AA contrast; focus rings stay visible for keyboard use.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  focusRing: 'auto',
  defaultRadius: 'md',
  colors: {},
});

// Mantine's dimmed gray (gray 6) and light anchors miss 4.5:1 on white: darker ones for small text.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-anchor': 'var(--mantine-color-teal-9)' },
  dark: {},
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={resolver}>
        <Toasts />
        <QueryClientProvider client={queryClient}>
          <SocketProvider>{children}</SocketProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
