import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { REDIS } from '../redis/redis.module';
import { HealthDetails } from './health-details';

interface Check {
  status: 'up' | 'down';
  latencyMs?: number;
}

const logger = new Logger('Health');

const TIMEOUT_MS = 1_500;

async function probe(name: string, run: () => Promise<unknown>): Promise<Check> {
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
  @ApiOperation({ summary: 'Liveness and dependencies: 200 when MySQL and Redis answer, 503 when one does not' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
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
