// The bot asks which classroom a message is about, sending where it was typed in the
// X-Discord-Guild and X-Discord-Channel headers (none in a DM), and stores `!classroom N`.
import { Body, Controller, Get, HttpCode, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { BotClassroom, BotClassroomService } from './bot-classroom.service';
import type { ChoicePlace } from './classroom-choice';
import { linkedUser } from './linked-user';

export const DISCORD_GUILD_HEADER = 'x-discord-guild';
export const DISCORD_CHANNEL_HEADER = 'x-discord-channel';

const classroomQuery = z.object({ as: z.enum(['student', 'instructor']).default('student') }).strict();
const chooseBody = z.object({ classroomId: z.string().min(1).max(100).nullable() }).strict();

/** The place headers: Discord ids (digits), or absent. */
function placeOf(req: Request): ChoicePlace {
  const read = (name: string): string | undefined => {
    const v = req.headers[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !/^\d{1,25}$/.test(v)) throw new AppError('BAD_REQUEST', `Invalid ${name} header: a Discord id is digits`);
    return v;
  };
  const place: ChoicePlace = {};
  const guildId = read(DISCORD_GUILD_HEADER);
  const channelId = read(DISCORD_CHANNEL_HEADER);
  if (guildId !== undefined) place.guildId = guildId;
  if (channelId !== undefined) place.channelId = channelId;
  return place;
}

@ApiTags('discord')
@Controller('api/v1/bot')
export class BotClassroomController {
  constructor(private readonly classrooms: BotClassroomService) {}

  /** `?as=student` (default) or `instructor`: the classroom this message is about, by issue 7's rule. */
  @Get('classroom')
  classroom(@Req() req: Request, @Query() query: unknown): Promise<BotClassroom> {
    const user = linkedUser(req);
    return this.classrooms.resolve(user, parseWith(classroomQuery, query).as, placeOf(req));
  }

  @Put('me/classroom')
  @HttpCode(200)
  choose(@Req() req: Request, @Body() body: unknown): Promise<{ classroomId: string | null }> {
    const user = linkedUser(req);
    return this.classrooms.choose(user, parseWith(chooseBody, body).classroomId);
  }
}
