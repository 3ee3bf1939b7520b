import { useEffect, useState } from 'react';
import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { countdown } from '@/lib/datetime';
import { useT } from '@/i18n';

/** Rooms open 15 minutes before the start (the api's join window) and close at the end. */
export const OPENS_BEFORE_MS = 15 * 60_000;

export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** A join button that comes alive when the room opens, with a countdown before. */
export function JoinCountdown({ start, end, to, label }: { start: string; end: string; to: string; label?: string }) {
  const { t } = useT();
  const now = useNow();
  const opens = new Date(new Date(start).getTime() - OPENS_BEFORE_MS);
  const open = now >= opens && now <= new Date(end);
  const c = countdown(opens, now);
  const left = c.days > 0 ? t('home.countdown.days', { count: c.days }) + ' ' + t('home.countdown.hours', { count: c.hours }) : c.hours > 0 ? t('home.countdown.hours', { count: c.hours }) + ' ' + t('home.countdown.minutes', { count: c.minutes }) : t('home.countdown.minutes', { count: c.minutes }) + ' ' + t('home.countdown.seconds', { count: c.seconds });
  return (
    <div>
      {open ? (
        <Button component={Link} to={to} color="teal" data-testid="join">
          {label ?? t('home.home.join')}
        </Button>
      ) : (
        <>
          <Button disabled data-testid="join">
            {label ?? t('home.home.join')}
          </Button>
          {now < opens && (
            <Text size="sm" c="dimmed" mt={4} aria-live="off">
              {t('home.home.opensIn', { time: left })}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
