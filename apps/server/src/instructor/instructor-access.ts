// Who may use the instructor routes of a classroom: its owner and its members with the role
// instructor. A student of the classroom is refused (403); anyone else is told it does not exist.
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';

export interface TaughtClassroom {
  id: string;
  name: string;
  timeZone: string;
}

@Injectable()
export class InstructorAccess {
  constructor(private readonly prisma: PrismaService) {}

  async require(user: AuthUser, classroomId: string): Promise<TaughtClassroom> {
    const room = await this.prisma.classroom.findUnique({ where: { id: classroomId }, select: { id: true, name: true, timeZone: true, ownerId: true } });
    if (!room) throw new AppError('NOT_FOUND', 'No such classroom');
    if (room.ownerId !== user.id) {
      const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { role: true } });
      if (!m) throw new AppError('NOT_FOUND', 'No such classroom');
      if (m.role !== 'instructor') throw new AppError('FORBIDDEN', 'Only the instructors of this classroom can do this');
    }
    return { id: room.id, name: room.name, timeZone: room.timeZone };
  }
}
