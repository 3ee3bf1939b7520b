import { Alert, type AlertProps } from '@mantine/core';

// A light Alert's title takes its colour (teal 9 on teal 1 is 4.3:1, orange 3.6:1): titles stay in the
// text colour, the tinted background and border carry the tone.
const styles = { title: { color: 'var(--mantine-color-text)' } };

/** An Alert whose title meets WCAG AA contrast in every colour. */
export function Notice(props: AlertProps & { 'data-testid'?: string; 'data-valid'?: string }) {
  return <Alert {...props} styles={styles} />;
}
