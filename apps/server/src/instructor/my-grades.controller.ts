// /api/v1/classrooms/:classroomId/my-grades: a student's own grades, with as much failure
// detail as each assignment's feedback level allows, and the instructor's override and comment.
import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requireUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import type { FeedbackLevel } from '../grading/assignment-schema';
import { effectiveScore, storedOverride } from '../grading/gradebook';
import { itemsForStudent } from '../grading/feedback';
import type { ItemGrade } from '../grading/score';

@ApiTags('grades')
@Controller('api/v1/classrooms/:classroomId/my-grades')
export class MyGradesController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @ApiOperation({ summary: 'Your grades in this classroom, with the failure detail each assignment shows (pass, expected, hints)' })
  async mine(@Req() req: Request, @Param('classroomId') classroomId: string) {
    const user = requireUser(req);
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { id: true } });
    if (!m) throw new AppError('NOT_FOUND', 'No such classroom');
    const grades = await this.prisma.grade.findMany({ where: { membershipId: m.id }, include: { assignment: { select: { id: true, title: true, deadline: true, feedback: true } } }, orderBy: { assignment: { deadline: 'asc' } } });
    return grades.map((g) => {
      const override = storedOverride(g);
      return {
        assignmentId: g.assignment.id,
        title: g.assignment.title,
        deadline: g.assignment.deadline.toISOString(),
        asOf: g.asOf.toISOString(),
        automaticScore: g.score,
        max: g.max,
        total: effectiveScore(g.score, override),
        override: override && { score: override.score, comment: override.comment },
        items: itemsForStudent(g.items as unknown as ItemGrade[], g.assignment.feedback as FeedbackLevel),
      };
    });
  }
}
