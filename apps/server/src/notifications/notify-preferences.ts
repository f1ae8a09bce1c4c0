// Whether a student wants notifications in their Discord DMs: a flag on their Discord link, so
// unlinking the account (or deleting it) turns them off with it.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface NotifiedUser {
  userId: string;
  discordUserId: string;
}

@Injectable()
export class NotifyPreferences {
  constructor(private readonly prisma: PrismaService) {}

  async isOn(userId: string): Promise<boolean> {
    return (await this.prisma.discordLink.count({ where: { userId, notify: true } })) > 0;
  }

  /** Turns notifications on or off; a user without a Discord link has nothing to turn on. */
  async set(userId: string, on: boolean): Promise<void> {
    await this.prisma.discordLink.updateMany({ where: { userId }, data: { notify: on } });
  }

  /** Everyone with notifications on and a linked Discord account. */
  async linkedUsersOn(): Promise<NotifiedUser[]> {
    const rows = await this.prisma.discordLink.findMany({ where: { notify: true, user: { deletedAt: null } }, select: { userId: true, discordUserId: true } });
    return rows.map((r) => ({ userId: r.userId, discordUserId: r.discordUserId }));
  }
}
