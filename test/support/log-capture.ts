import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LOG_DESTINATION } from '@pendamping/platform';

/** Every log record an app writes, as the JSON lines production would print to stdout. */
export class LogCapture {
  readonly lines: string[] = [];
  // pino writes each record with one write() call.
  readonly stream = { write: (line: string) => void this.lines.push(line) };

  text(): string {
    return this.lines.join('');
  }

  /** The lines that contain `needle`. */
  containing(needle: string): string[] {
    return this.lines.filter((line) => line.includes(needle));
  }

  /** A module that sends the app's (or the worker's) log records here instead of stdout. */
  module(): DynamicModule {
    return LogCaptureModule.forStream(this.stream);
  }
}

@Global()
@Module({})
class LogCaptureModule {
  static forStream(stream: LogCapture['stream']): DynamicModule {
    return { module: LogCaptureModule, providers: [{ provide: LOG_DESTINATION, useValue: stream }], exports: [LOG_DESTINATION] };
  }
}
