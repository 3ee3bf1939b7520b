import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { Dependency } from '../errors/dependency-errors';
import { Public } from '../http/public.decorator';
import { ShutdownState } from '../http/shutdown';
import { REDIS } from '../redis/redis.module';
import { DependencyOutages } from './dependency-outages';
import { HealthDetails } from './health-details';
import { HealthView, type DependencyCheck } from './health.views';

const TIMEOUT_MS = 1_500;

async function probe(name: Dependency, run: () => Promise<unknown>, outages: DependencyOutages): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
    outages.recovered(name);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The reason goes to the log (once per outage), not to this public endpoint (it names hosts and ports).
    outages.report(name, error, { refused: false });
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly details: HealthDetails,
    private readonly outages: DependencyOutages,
    private readonly shutdown: ShutdownState,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    operationId: 'checkHealth',
    summary: 'Liveness and dependencies: 200 when MySQL and Redis answer, 503 when one does not or the process is shutting down',
  })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'MySQL or Redis does not answer, or the process is draining (draining: true)' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const [mysql, redis, details] = await Promise.all([
      probe('mysql', () => this.dataSource.query('SELECT 1'), this.outages),
      probe('redis', () => this.redis.ping(), this.outages),
      this.details.collect(),
    ]);
    const draining = this.shutdown.draining;
    const ok = mysql.status === 'up' && redis.status === 'up' && !draining;
    reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { mysql, redis }, ...(draining && { draining }), ...details };
  }
}
