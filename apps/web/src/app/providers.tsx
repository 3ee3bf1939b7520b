import { lazy, Suspense, type ReactNode } from 'react';
import { MantineProvider, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import i18n from '@/i18n';
import { queryClient } from '@/lib/query-client';
import { SocketProvider } from '@/lib/socket';
import { useToken } from '@/lib/session';
import { afterFirstScreen } from '@/ui/after-first-screen';
import classes from './layout.module.css';

// Toasts are for logged-in people (live notifications): their code loads after login.
const Notifications = lazy(() => Promise.all([import('@mantine/notifications'), afterFirstScreen()]).then(([m]) => ({ default: m.Notifications })));

function Toasts() {
  const token = useToken();
  // Out of the way of what people read: a modal's title and the header are at the top, so toasts come from
  // the bottom, on a phone just above the tab bar (layout.module.css).
  return token ? (
    <Suspense fallback={null}>
      <Notifications position="bottom-center" limit={3} classNames={{ root: classes.toasts }} />
    </Suspense>
  ) : null;
}

// Mantine's teal one step darker, so white on a filled button passes WCAG AA (4.5:1) also on hover,
// which takes the next shade; focus rings stay visible for keyboard use.
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#099268', '#087f5b', '#05664a'];

// Red likewise: shade 8 becomes #c92a2a (5.4:1 with white) for the cancel buttons.
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#e03131', '#c92a2a', '#a61e1e'];

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  focusRing: 'auto',
  defaultRadius: 'md',
  colors: { teal, red },
  // A badge beside a title that wraps keeps its whole word (on a phone it was squeezed to "D…").
  components: { Badge: { styles: { root: { flexShrink: 0 } } } },
});

// Text on "light" badges and alerts (a tinted background) in a shade dark enough for 4.5:1.
const LIGHT_TEXT: Record<string, string> = { teal: '#05664a', green: '#1f6b2e', orange: '#9a3412', yellow: '#6b4d00', red: '#a61e1e', blue: '#1454a0', grape: '#7a1f8f', cyan: '#0b5e6e', gray: '#343a40' };

// Mantine's dimmed gray (gray 6) and light anchors miss 4.5:1 on white: darker ones for small text.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([color, text]) => [`--mantine-color-${color}-light-color`, text])),
  },
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
