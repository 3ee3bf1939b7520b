import { Badge } from '@mantine/core';
import { useT } from '@/i18n';
import type { WorkshopStatus } from './admin-queries';

// Dark shades on light fills: readable (axe contrast) on both widths.
const COLORS: Record<WorkshopStatus, string> = { draft: 'gray', published: 'teal', completed: 'blue', cancelled: 'red' };

export function WorkshopStatusBadge({ status }: { status: WorkshopStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={COLORS[status]} c={`${COLORS[status]}.9`} data-testid="status" data-status={status}>
      {t(`adminWorkshops.status.${status}`)}
    </Badge>
  );
}
