import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const CHECK_STATUSES = ['up', 'down'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export class DependencyCheck {
  @ApiProperty({ enum: CHECK_STATUSES, enumName: 'CheckStatus' }) status: CheckStatus;
  @ApiPropertyOptional({ description: 'when up' }) latencyMs?: number;
}

export class HealthChecks {
  @ApiProperty({ type: DependencyCheck }) mysql: DependencyCheck;
  @ApiProperty({ type: DependencyCheck }) redis: DependencyCheck;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'error'], enumName: 'HealthStatus' }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecks }) checks: HealthChecks;
  @ApiPropertyOptional({ type: Boolean, description: 'true while the process shuts down: it finishes the requests in hand and takes no new work' })
  draining?: boolean;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Job counts per queue ({notifications: {waiting, delayed, active, failed}, …}), or {status: "unavailable"}',
  })
  queues?: Record<string, unknown>;
}
