// Provides the Clock chosen by the configuration, and the guarded test-only clock routes.
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { CLOCK, Clock, VirtualClock, WallClock } from './clock';
import { TestClockController } from './test-clock.controller';

export function createClock(config: AppConfig['clock']): Clock {
  return config.mode === 'virtual' ? new VirtualClock(config.startMs) : new WallClock();
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(config: AppConfig['clock']): DynamicModule {
    return {
      module: ClockModule,
      controllers: [TestClockController],
      providers: [{ provide: CLOCK, useValue: createClock(config) }],
      exports: [CLOCK],
    };
  }
}
