// /api/v1/classrooms/:classroomId/assignments/:assignmentId/...: grade now, re-grade, the
// grades with their evidence, a manual override, the gradebook (CSV or JSON).
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { overrideBody } from '../grading/assignment-schema';
import { gradebookCsv } from '../grading/gradebook';
import { AssignmentsService } from './assignments.service';
import { GradebookService, GradeView } from './gradebook.service';
import { GradeRunResult, GradingService } from './grading.service';
import { InstructorAccess } from './instructor-access';
import { gradebookQuery, gradeNowBody } from './instructor-schemas';

@ApiTags('instructor')
@Controller('api/v1/classrooms/:classroomId/assignments/:assignmentId')
export class GradesController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly assignments: AssignmentsService,
    private readonly grading: GradingService,
    private readonly gradebook: GradebookService,
  ) {}

  private async assignment(req: Request, classroomId: string, assignmentId: string) {
    const user = requireUser(req);
    const room = await this.access.require(user, classroomId);
    return { user, room, row: await this.assignments.row(room.id, assignmentId) };
  }

  @Post('grade')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grade now: stores a graded snapshot of every student’s clusters and their grades' })
  async gradeNow(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string, @Body() body: unknown): Promise<GradeRunResult> {
    parseWith(gradeNowBody, body ?? {});
    const { row } = await this.assignment(req, classroomId, assignmentId);
    return this.grading.grade(row.id, 'manual');
  }

  @Post('regrade')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-grade the stored graded snapshots with the current checks (after editing a task)' })
  async regrade(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string): Promise<GradeRunResult> {
    const { row } = await this.assignment(req, classroomId, assignmentId);
    return this.grading.regrade(row.id);
  }

  @Get('grades')
  @ApiOperation({ summary: 'Every student’s grade: items, conditions with expected/found, evidence, override' })
  async grades(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string): Promise<GradeView[]> {
    const { row } = await this.assignment(req, classroomId, assignmentId);
    return this.gradebook.grades(row.id);
  }

  @Put('grades/:userId/override')
  @HttpCode(204)
  @ApiOperation({ summary: 'Override a student’s score with a comment (score null: back to the automatic score); kept beside it' })
  async override(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string, @Param('userId') userId: string, @Body() body: unknown): Promise<void> {
    const { user, row } = await this.assignment(req, classroomId, assignmentId);
    const { score, comment } = parseWith(overrideBody, body);
    await this.grading.override(user, row.id, userId, score, comment);
  }

  @Get('gradebook')
  @ApiOperation({ summary: 'The gradebook: ?format=csv (one row per student, a column per item, the total) or json; times ISO 8601 UTC' })
  async export(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('assignmentId') assignmentId: string, @Query() query: unknown): Promise<void> {
    const { format } = parseWith(gradebookQuery, query);
    const { row } = await this.assignment(req, classroomId, assignmentId);
    const book = await this.gradebook.export(row.id);
    const file = `gradebook-${row.id}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(gradebookCsv(book));
    else res.json(book);
  }
}
