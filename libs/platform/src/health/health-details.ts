import { Injectable, Logger } from '@nestjs/common';

const TIMEOUT_MS = 1_500;

/**
 * Sections other libs add to /api/health (e.g. queue counts). They inform, they do not decide the status:
 * a section that fails or is slow is reported as unavailable.
 */
@Injectable()
export class HealthDetails {
  private readonly logger = new Logger(HealthDetails.name);
  private readonly sources = new Map<string, () => Promise<unknown>>();

  register(name: string, read: () => Promise<unknown>): void {
    this.sources.set(name, read);
  }

  async collect(): Promise<Record<string, unknown>> {
    const entries = await Promise.all([...this.sources].map(async ([name, read]) => [name, await this.read(name, read)] as const));
    return Object.fromEntries(entries);
  }

  private async read(name: string, read: () => Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([read(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)))]);
    } catch (error) {
      this.logger.warn(`health section ${name} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'unavailable' };
    } finally {
      clearTimeout(timer);
    }
  }
}
