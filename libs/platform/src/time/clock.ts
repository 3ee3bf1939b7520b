import { Global, Injectable, Module } from '@nestjs/common';

/** The current time, behind a class so tests can move it (override the provider) instead of patching Date. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
