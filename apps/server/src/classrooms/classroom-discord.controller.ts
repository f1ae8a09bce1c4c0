// /api/v1/classrooms/:id/discord: the Discord server and channels attached to a classroom.
import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requireUser } from '../auth/request-auth';
import type { ClassroomDiscord } from './classroom-discord.schemas';
import { ClassroomDiscordService } from './classroom-discord.service';

@ApiTags('classrooms')
@Controller('api/v1/classrooms/:id/discord')
export class ClassroomDiscordController {
  constructor(private readonly discord: ClassroomDiscordService) {}

  @Get()
  get(@Req() req: Request, @Param('id') id: string): Promise<ClassroomDiscord> {
    return this.discord.get(requireUser(req), id);
  }

  /** `{"guildId": "…" | null, "channelIds"?: ["…"]}`: replaces the attachment. */
  @Put()
  put(@Req() req: Request, @Param('id') id: string, @Body() body: unknown): Promise<ClassroomDiscord> {
    return this.discord.set(requireUser(req), id, body);
  }
}
