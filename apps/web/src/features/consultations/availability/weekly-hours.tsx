import { Switch, Text } from '@mantine/core';
import { useT } from '@/i18n';
import type { DayHours } from './form';
import { RangesEditor } from './ranges-editor';
import classes from './availability.module.css';

/** Monday to Sunday: a day is open or not, and an open day has one or more ranges. */
export function WeeklyHours({ days, onChange }: { days: DayHours[]; onChange: (days: DayHours[]) => void }) {
  const { t } = useT();
  const set = (i: number, patch: Partial<DayHours>) => onChange(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div>
      {days.map((d, i) => {
        const name = t(`availability.weekdays.${i + 1}`);
        return (
          <div key={i} className={classes.dayRow} data-testid="weekday" data-weekday={i + 1}>
            <Switch className={classes.dayToggle} label={name} checked={d.on} onChange={(e) => set(i, { on: e.currentTarget.checked })} fw={600} />
            {d.on ? (
              <RangesEditor day={name} ranges={d.ranges} onChange={(ranges) => set(i, { ranges })} />
            ) : (
              <Text size="sm" c="dimmed" pt={{ base: 0, xs: 8 }}>
                {t('availability.weekly.unavailable')}
              </Text>
            )}
          </div>
        );
      })}
    </div>
  );
}
