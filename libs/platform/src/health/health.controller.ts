import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { REDIS } from '../redis/redis.module';
import { HealthDetails } from './health-details';
import { HealthView, type DependencyCheck } from './health.views';

const logger = new Logger('Health');

const TIMEOUT_MS = 1_500;

async function probe(name: string, run: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The reason goes to the log, not to this public endpoint (it names hosts and ports).
    logger.warn(`${name} is down: ${error instanceof Error ? error.message : String(error)}`);
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
  ) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'checkHealth', summary: 'Liveness and dependencies: 200 when MySQL and Redis answer, 503 when one does not' })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'MySQL or Redis does not answer' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const [mysql, redis, details] = await Promise.all([
      probe('MySQL', () => this.dataSource.query('SELECT 1')),
      probe('Redis', () => this.redis.ping()),
      this.details.collect(),
    ]);
    const ok = mysql.status === 'up' && redis.status === 'up';
    reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { mysql, redis }, ...details };
  }
}
