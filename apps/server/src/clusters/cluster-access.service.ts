// Who may see or change a cluster: its student (read and write), the instructors of its
// classroom (read only). Everyone else is told it does not exist.
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';

export interface ClusterRef {
  id: string;
  membershipId: string;
  classroomId: string;
  ownerUserId: string;
  purpose: string;
  shape: string;
  seed: number;
  options: unknown;
}

@Injectable()
export class ClusterAccessService {
  constructor(private readonly prisma: PrismaService) {}

  async check(user: AuthUser, clusterId: string, mode: 'read' | 'write'): Promise<ClusterRef> {
    const c = await this.prisma.cluster.findUnique({
      where: { id: clusterId },
      select: { id: true, membershipId: true, purpose: true, shape: true, seed: true, options: true, membership: { select: { userId: true, classroomId: true, classroom: { select: { ownerId: true } } } } },
    });
    if (!c) throw new AppError('NOT_FOUND', 'No such cluster');
    const ref: ClusterRef = { id: c.id, membershipId: c.membershipId, classroomId: c.membership.classroomId, ownerUserId: c.membership.userId, purpose: c.purpose, shape: c.shape, seed: c.seed, options: c.options };
    if (c.membership.userId === user.id) return ref;
    if (await this.teaches(user, c.membership.classroomId, c.membership.classroom.ownerId)) {
      if (mode === 'write') throw new AppError('FORBIDDEN', "An instructor can look at a student's cluster, not change it");
      return ref;
    }
    throw new AppError('NOT_FOUND', 'No such cluster');
  }

  private async teaches(user: AuthUser, classroomId: string, ownerId: string): Promise<boolean> {
    if (ownerId === user.id) return true;
    if (user.role === 'student') return false;
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { role: true } });
    return m?.role === 'instructor';
  }
}
