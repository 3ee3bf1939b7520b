import type { ReactNode } from 'react';
import classes from './admin.module.css';

/** A wide table scrolls sideways inside its box on a phone; focusable, so the keyboard can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
