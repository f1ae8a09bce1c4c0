// Classrooms: an instructor creates one and shares its join code; a student joins with it.
import { Injectable } from '@nestjs/common';
import { AuthUser, isInstructor } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { ClustersService } from '../clusters/clusters.service';
import { newJoinCode, normalizeJoinCode } from './join-code';

export interface ClassroomView {
  id: string;
  name: string;
  /** Your role in it. */
  role: 'student' | 'instructor';
  /** Only for its instructors. */
  joinCode?: string;
  archived: boolean;
}

@Injectable()
export class ClassroomsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clusters: ClustersService,
  ) {}

  async create(user: AuthUser, name: string): Promise<ClassroomView> {
    if (!isInstructor(user)) throw new AppError('FORBIDDEN', 'Only instructors create classrooms');
    for (let i = 0; ; i++) {
      try {
        const room = await this.prisma.classroom.create({
          data: { name, joinCode: newJoinCode(), ownerId: user.id, memberships: { create: { userId: user.id, role: 'instructor' } } },
        });
        return { id: room.id, name: room.name, role: 'instructor', joinCode: room.joinCode, archived: false };
      } catch (e) {
        if ((e as { code?: string }).code !== 'P2002' || i >= 5) throw e;
      }
    }
  }

  /** Joins as a student; joining again is harmless. Creates the student's course cluster. */
  async join(user: AuthUser, code: string): Promise<ClassroomView> {
    const room = await this.prisma.classroom.findUnique({ where: { joinCode: normalizeJoinCode(code) } });
    if (!room || room.archivedAt) throw new AppError('NOT_FOUND', 'No classroom has that join code');
    const existing = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId: room.id } } });
    if (existing?.role === 'instructor') return { id: room.id, name: room.name, role: 'instructor', joinCode: room.joinCode, archived: false };
    const m =
      existing ??
      (await this.prisma.membership.create({ data: { userId: user.id, classroomId: room.id, role: 'student' } }).catch(async (e: { code?: string }) => {
        if (e.code !== 'P2002') throw e;
        return this.prisma.membership.findUniqueOrThrow({ where: { userId_classroomId: { userId: user.id, classroomId: room.id } } });
      }));
    await this.clusters.ensureCluster(m.id);
    return { id: room.id, name: room.name, role: 'student', archived: false };
  }

  async list(user: AuthUser): Promise<ClassroomView[]> {
    const rows = await this.prisma.membership.findMany({ where: { userId: user.id }, include: { classroom: true }, orderBy: { joinedAt: 'asc' } });
    return rows.map((m) => {
      const role = m.role === 'instructor' ? 'instructor' : 'student';
      const v: ClassroomView = { id: m.classroom.id, name: m.classroom.name, role, archived: m.classroom.archivedAt !== null };
      if (role === 'instructor') v.joinCode = m.classroom.joinCode;
      return v;
    });
  }

  /** The students of a classroom and their course clusters, for its instructors. */
  async students(user: AuthUser, classroomId: string): Promise<{ userId: string; username: string; displayName: string; clusterIds: string[] }[]> {
    const me = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } } });
    if (!me) throw new AppError('NOT_FOUND', 'No such classroom');
    if (me.role !== 'instructor') throw new AppError('FORBIDDEN', 'Only the instructors of this classroom see its students');
    const rows = await this.prisma.membership.findMany({ where: { classroomId, role: 'student' }, include: { user: true, clusters: { select: { id: true } } }, orderBy: { joinedAt: 'asc' } });
    return rows.map((m) => ({ userId: m.userId, username: m.user.username, displayName: m.user.displayName, clusterIds: m.clusters.map((c) => c.id) }));
  }

  async archive(user: AuthUser, classroomId: string): Promise<void> {
    const room = await this.prisma.classroom.findUnique({ where: { id: classroomId } });
    if (!room) throw new AppError('NOT_FOUND', 'No such classroom');
    if (room.ownerId !== user.id) {
      const me = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } } });
      if (!me) throw new AppError('NOT_FOUND', 'No such classroom');
      throw new AppError('FORBIDDEN', 'Only the classroom owner archives it');
    }
    await this.prisma.classroom.update({ where: { id: classroomId }, data: { archivedAt: new Date() } });
  }
}
