// JSON the lesson page's scripts fetch with the session cookie: the cluster's live picture (read
// again when the WebSocket says objects changed) and tab completion for the terminal.
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import type { ClusterPicture } from './cluster-picture';
import { ClusterViewService } from './cluster-view.service';

const completeQuery = z.object({ line: z.string() }).strict();

@ApiExcludeController()
@Controller('clusters/:id')
export class ClusterViewController {
  constructor(private readonly view: ClusterViewService) {}

  @Get('picture')
  picture(@Req() req: Request, @Param('id') id: string): Promise<ClusterPicture> {
    return this.view.picture(requireUser(req), id);
  }

  @Get('complete')
  complete(@Req() req: Request, @Param('id') id: string, @Query() query: unknown): Promise<{ candidates: string[]; word: string }> {
    return this.view.complete(requireUser(req), id, parseWith(completeQuery, query).line);
  }
}
