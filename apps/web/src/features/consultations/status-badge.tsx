import { Badge } from '@mantine/core';
import type { ConsultationStatus } from '@/api/types';
import { useT } from '@/i18n';

const COLORS: Record<ConsultationStatus, string> = { booked: 'teal', completed: 'blue', cancelled: 'gray', no_show: 'orange' };

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useT();
  return (
    <Badge color={COLORS[status]} c="dark.8" variant="light" data-testid="status-badge">
      {t(`consultations.status.${status}`)}
    </Badge>
  );
}
