// /api/v1/classrooms/:classroomId/drills: stage a fault for one student or the whole class, end
// it, list them. Instructors of the classroom only.
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { drillSpecSchema } from './drill-ops';
import { DrillsService, DrillView } from './drills.service';
import { InstructorAccess } from './instructor-access';

const startDrillBody = z.object({ spec: drillSpecSchema, userId: z.string().min(1).max(100).optional() }).strict();

@ApiTags('instructor')
@Controller('api/v1/classrooms/:classroomId/drills')
export class DrillsController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly drills: DrillsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Param('classroomId') classroomId: string) {
    return this.drills.list(await this.access.require(requireUser(req), classroomId));
  }

  @Post()
  @ApiOperation({ summary: 'Start a fault drill (stop-kubelet, power-off, kill-container, image-unavailable, slow-pulls, delete-instance) on one student’s course cluster (userId) or every student’s' })
  async start(@Req() req: Request, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<DrillView> {
    const user = requireUser(req);
    const room = await this.access.require(user, classroomId);
    const { spec, userId } = parseWith(startDrillBody, body);
    return this.drills.start(user, room, spec, userId);
  }

  @Post(':drillId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a lasting drill on every cluster it was applied to' })
  async end(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('drillId') drillId: string): Promise<DrillView> {
    const user = requireUser(req);
    return this.drills.end(user, await this.access.require(user, classroomId), drillId);
  }
}
