// The few facts about a classroom the lesson pages show: its name and time zone, for a member.
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import type { ClassroomInfo } from './lesson-page.view';

@Injectable()
export class ClassroomInfoService {
  constructor(private readonly prisma: PrismaService) {}

  async forMember(user: AuthUser, classroomId: string): Promise<ClassroomInfo & { role: string }> {
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, include: { classroom: true } });
    if (!m) throw new AppError('NOT_FOUND', 'No such classroom');
    return { id: m.classroom.id, name: m.classroom.name, timeZone: m.classroom.timeZone, role: m.role };
  }
}
