// Attaching a Discord server, and optionally channels of it, to a classroom (its instructors
// only). Several classrooms may share a server: sections of one course.
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../generated/prisma';
import type { AuthUser } from '../auth/request-auth';
import { PrismaService } from '../database/prisma.service';
import { InstructorAccess } from '../instructor/instructor-access';
import { parseWith } from '../common/zod-body';
import { ClassroomDiscord, classroomDiscordBody, storedChannels } from './classroom-discord.schemas';

@Injectable()
export class ClassroomDiscordService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: InstructorAccess,
  ) {}

  async get(user: AuthUser, classroomId: string): Promise<ClassroomDiscord> {
    await this.access.require(user, classroomId);
    return this.read(classroomId);
  }

  /** The settings page: the classroom's name too. */
  async forPage(user: AuthUser, classroomId: string): Promise<ClassroomDiscord & { id: string; name: string }> {
    const room = await this.access.require(user, classroomId);
    return { id: room.id, name: room.name, ...(await this.read(classroomId)) };
  }

  private async read(classroomId: string): Promise<ClassroomDiscord> {
    const room = await this.prisma.classroom.findUniqueOrThrow({ where: { id: classroomId }, select: { discordGuildId: true, discordChannels: true } });
    return { guildId: room.discordGuildId, channelIds: storedChannels(room.discordChannels) };
  }

  /** `guildId: null` detaches the server (and its channels). Who may comes before what is sent. */
  async set(user: AuthUser, classroomId: string, input: unknown): Promise<ClassroomDiscord> {
    await this.access.require(user, classroomId);
    const body = parseWith(classroomDiscordBody, input);
    const channelIds = body.guildId === null ? [] : [...new Set(body.channelIds ?? [])];
    await this.prisma.classroom.update({ where: { id: classroomId }, data: { discordGuildId: body.guildId, discordChannels: channelIds.length ? channelIds : Prisma.DbNull } });
    return { guildId: body.guildId, channelIds };
  }
}
