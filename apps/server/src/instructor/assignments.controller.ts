// /api/v1/classrooms/:classroomId/assignments and /tasks: the instructor's graded work. Only the
// classroom's instructors (403 for its students, 404 for anyone else).
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { createAssignmentBody, customTaskBody, editAssignmentBody, editCustomTaskBody } from '../grading/assignment-schema';
import { AssignmentsService, AssignmentView, TaskView } from './assignments.service';
import { InstructorAccess } from './instructor-access';

@ApiTags('instructor')
@Controller('api/v1/classrooms/:classroomId')
export class AssignmentsController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('assignments')
  @ApiOperation({ summary: 'The classroom’s assignments, deadlines in UTC and in the classroom’s time zone' })
  async list(@Req() req: Request, @Param('classroomId') classroomId: string): Promise<AssignmentView[]> {
    return this.assignments.list(await this.access.require(requireUser(req), classroomId));
  }

  @Post('assignments')
  @ApiOperation({ summary: 'Create an assignment: items (lessons, custom tasks) with weights, a deadline (local time in the classroom’s zone or ISO 8601 with offset), feedback level pass|expected|hints, optional examMinutes' })
  async create(@Req() req: Request, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<AssignmentView> {
    const user = requireUser(req);
    const room = await this.access.require(user, classroomId);
    return this.assignments.create(user, room, parseWith(createAssignmentBody, body));
  }

  @Get('assignments/:assignmentId')
  async get(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') id: string): Promise<AssignmentView> {
    return this.assignments.get(await this.access.require(requireUser(req), classroomId), id);
  }

  @Patch('assignments/:assignmentId')
  @ApiOperation({ summary: 'Edit an assignment; a moved deadline is graded again when it comes' })
  async edit(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') id: string, @Body() body: unknown): Promise<AssignmentView> {
    const room = await this.access.require(requireUser(req), classroomId);
    return this.assignments.edit(room, id, parseWith(editAssignmentBody, body));
  }

  @Delete('assignments/:assignmentId')
  @HttpCode(204)
  async remove(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('assignmentId') id: string): Promise<void> {
    await this.assignments.remove(await this.access.require(requireUser(req), classroomId), id);
  }

  @Get('tasks')
  async listTasks(@Req() req: Request, @Param('classroomId') classroomId: string): Promise<TaskView[]> {
    return this.assignments.listTasks(await this.access.require(requireUser(req), classroomId));
  }

  @Post('tasks')
  @ApiOperation({ summary: 'Create a custom task in the check language; a bad condition is refused with its path (checks.N...)' })
  async createTask(@Req() req: Request, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<TaskView> {
    const room = await this.access.require(requireUser(req), classroomId);
    return this.assignments.createTask(room, parseWith(customTaskBody, body));
  }

  @Get('tasks/:taskId')
  async getTask(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('taskId') id: string): Promise<TaskView> {
    return this.assignments.getTask(await this.access.require(requireUser(req), classroomId), id);
  }

  @Patch('tasks/:taskId')
  @ApiOperation({ summary: 'Edit a custom task; re-grade its assignments to apply new checks to their graded snapshots' })
  async editTask(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('taskId') id: string, @Body() body: unknown): Promise<TaskView> {
    const room = await this.access.require(requireUser(req), classroomId);
    return this.assignments.editTask(room, id, parseWith(editCustomTaskBody, body));
  }

  @Delete('tasks/:taskId')
  @HttpCode(204)
  async removeTask(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('taskId') id: string): Promise<void> {
    await this.assignments.removeTask(await this.access.require(requireUser(req), classroomId), id);
  }
}
