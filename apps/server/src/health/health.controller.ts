// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PrismaService } from '../database/prisma.service';

export interface HealthView {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
}

@Controller('healthz')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const ok = await this.prisma.ping();
    res.status(ok ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return ok ? { status: 'ok', database: 'ok' } : { status: 'unavailable', database: 'unavailable' };
  }
}
