// /api/v1/classrooms: list, create (instructors), join with a code, students (instructors), archive.
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { ClassroomsService, ClassroomView } from './classrooms.service';

export const createClassroomBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const joinClassroomBody = z.object({ code: z.string().min(4).max(20) }).strict();

@ApiTags('classrooms')
@Controller('api/v1/classrooms')
export class ClassroomsController {
  constructor(private readonly classrooms: ClassroomsService) {}

  @Get()
  list(@Req() req: Request): Promise<ClassroomView[]> {
    return this.classrooms.list(requireUser(req));
  }

  @Post()
  create(@Req() req: Request, @Body() body: unknown): Promise<ClassroomView> {
    const user = requireUser(req);
    return this.classrooms.create(user, parseWith(createClassroomBody, body).name);
  }

  @Post('join')
  @HttpCode(200)
  join(@Req() req: Request, @Body() body: unknown): Promise<ClassroomView> {
    const user = requireUser(req);
    return this.classrooms.join(user, parseWith(joinClassroomBody, body).code);
  }

  @Get(':id/students')
  students(@Req() req: Request, @Param('id') id: string) {
    return this.classrooms.students(requireUser(req), id);
  }

  @Post(':id/archive')
  @HttpCode(204)
  async archive(@Req() req: Request, @Param('id') id: string): Promise<void> {
    await this.classrooms.archive(requireUser(req), id);
  }
}
