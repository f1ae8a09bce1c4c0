// Test-only clock routes: read and advance the virtual clock.
import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { parseWith } from '../common/zod-body';
import { CLOCK, Clock, isVirtualClock, MAX_ADVANCE_MS } from './clock';
import { VirtualClockGuard } from './virtual-clock.guard';

const advanceBody = z
  .object({
    ms: z.number().int().min(0).max(MAX_ADVANCE_MS).optional(),
    seconds: z.number().min(0).max(MAX_ADVANCE_MS / 1000).optional(),
  })
  .strict()
  .refine((b) => (b.ms === undefined) !== (b.seconds === undefined), { message: 'give exactly one of ms or seconds' });

export interface ClockView {
  now: string;
  nowMs: number;
}

@Controller('api/v1/test/clock')
@UseGuards(VirtualClockGuard)
export class TestClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  read(): ClockView {
    return view(this.clock.now());
  }

  @Post('advance')
  @HttpCode(200)
  advance(@Body() body: unknown): ClockView {
    const { ms, seconds } = parseWith(advanceBody, body ?? {});
    if (!isVirtualClock(this.clock)) throw new Error('unreachable: guarded by VirtualClockGuard');
    return view(this.clock.advance(ms ?? Math.round((seconds ?? 0) * 1000)));
  }
}

const view = (ms: number): ClockView => ({ now: new Date(ms).toISOString(), nowMs: ms });
