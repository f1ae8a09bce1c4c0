// The classroom a Discord message is about, for the bot: the user's classrooms (as a student, or
// as an instructor), where the message was typed, and the `!classroom` choice kept on the
// Discord link (so it survives a bot restart), run through chooseClassroom.
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { ClustersService } from '../clusters/clusters.service';
import { storedChannels } from '../classrooms/classroom-discord.schemas';
import { chooseClassroom, type ChoicePlace, type ClassroomChoice } from './classroom-choice';

export type ChoiceRole = 'student' | 'instructor';

export interface BotClassroom {
  how: ClassroomChoice['how'];
  /** The classroom the message is about; null when the user must choose, or has none. */
  classroomId: string | null;
  /** Every classroom of the user in that role, numbered as `!classroom N` / `!class N` count. */
  classrooms: { id: string; name: string; number: number }[];
  /** `how: choose`: the candidates to choose from (ids, in the same order). */
  among: string[];
  /** A student's clusters in the chosen classroom: `course`, and `lesson:ID` for lessons on their own. */
  clusters: { id: string; purpose: string }[];
}

@Injectable()
export class BotClassroomService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clusters: ClustersService,
  ) {}

  async resolve(user: AuthUser, role: ChoiceRole, place: ChoicePlace): Promise<BotClassroom> {
    const [rows, link] = await Promise.all([
      this.prisma.membership.findMany({
        where: { userId: user.id, role, classroom: { archivedAt: null } },
        select: { id: true, classroom: { select: { id: true, name: true, discordGuildId: true, discordChannels: true } } },
        orderBy: { joinedAt: 'asc' },
      }),
      this.prisma.discordLink.findUnique({ where: { userId: user.id }, select: { classroomId: true } }),
    ]);
    const rooms = rows.map((m) => ({ id: m.classroom.id, discordGuildId: m.classroom.discordGuildId, channelIds: storedChannels(m.classroom.discordChannels) }));
    const choice = chooseClassroom(rooms, place, link?.classroomId ?? null);
    const classroomId = 'classroomId' in choice ? choice.classroomId : null;
    const membership = rows.find((m) => m.classroom.id === classroomId);
    let clusters: BotClassroom['clusters'] = [];
    if (membership && role === 'student') {
      const read = () => this.prisma.cluster.findMany({ where: { membershipId: membership.id }, select: { id: true, purpose: true }, orderBy: { createdAt: 'asc' } });
      clusters = await read();
      // A course cluster is made on joining; one missing (an old membership) is made now, as GET /api/v1/clusters does.
      if (!clusters.some((c) => c.purpose === 'course')) {
        await this.clusters.ensureCluster(membership.id);
        clusters = await read();
      }
    }
    return {
      how: choice.how,
      classroomId,
      classrooms: rows.map((m, i) => ({ id: m.classroom.id, name: m.classroom.name, number: i + 1 })),
      among: choice.how === 'choose' ? choice.among : [],
      clusters,
    };
  }

  /** `!classroom N` / `!class N`: one of the user's classrooms (any role, not archived), or null to forget. */
  async choose(user: AuthUser, classroomId: string | null): Promise<{ classroomId: string | null }> {
    if (classroomId !== null) {
      const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { classroom: { select: { archivedAt: true } } } });
      if (!m || m.classroom.archivedAt) throw new AppError('NOT_FOUND', 'No such classroom among yours');
    }
    // updateMany: an unlink racing this leaves nothing to update, not an error
    await this.prisma.discordLink.updateMany({ where: { userId: user.id }, data: { classroomId } });
    return { classroomId };
  }
}
