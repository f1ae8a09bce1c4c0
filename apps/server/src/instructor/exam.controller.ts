// /api/v1/classrooms/:classroomId/assignments/:assignmentId/exam: a student starts a timed exam
// (its window and exam cluster) and reads its attempt.
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requireUser } from '../auth/request-auth';
import { ExamAttemptView, ExamService } from './exam.service';

@ApiTags('exams')
@Controller('api/v1/classrooms/:classroomId/assignments/:assignmentId/exam')
export class ExamController {
  constructor(private readonly exams: ExamService) {}

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start a timed exam (once): its own cluster, a window of examMinutes (ending at the deadline at the latest)' })
  start(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string): Promise<ExamAttemptView> {
    return this.exams.start(requireUser(req), classroomId, assignmentId);
  }

  @Get()
  mine(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string): Promise<ExamAttemptView> {
    return this.exams.mine(requireUser(req), classroomId, assignmentId);
  }
}
