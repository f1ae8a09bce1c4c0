// /api/v1/clusters: the REST door to a student's clusters. Thin: validate, one service call.
// REST cannot stream, so a command that waits is stopped after REST_WAIT_MS with a line saying so.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { ClustersService } from './clusters.service';
import { ExecResult, ExecService } from './exec.service';
import { WorkspaceService } from './workspace.service';

export const execBody = z
  .object({
    // longer lines are refused by ExecService with 413, as at every other door
    command: z.string(),
    /** Names the shell (its directory, variables, history) the command runs in. */
    terminal: z.string().regex(/^[\w.-]{1,64}$/).optional(),
  })
  .strict();
const snapshotBody = z.object({ name: z.string().trim().min(1).max(80) }).strict();
const objectsQuery = z.object({ resource: z.string().max(100).optional(), full: z.enum(['true', 'false']).optional() }).strict();
const fileQuery = z.object({ path: z.string().min(1).max(255).optional(), host: z.string().regex(/^[\w-]{1,32}$/).optional() }).strict();
const fileBody = z.object({ path: z.string().min(1).max(255), content: z.string(), host: z.string().regex(/^[\w-]{1,32}$/).optional() }).strict();
const inputsQuery = z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }).strict();

@ApiTags('clusters')
@Controller('api/v1/clusters')
export class ClustersController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly execService: ExecService,
    private readonly workspace: WorkspaceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  list(@Req() req: Request) {
    return this.clusters.listMine(requireUser(req));
  }

  @Get(':id')
  get(@Req() req: Request, @Param('id') id: string) {
    return this.clusters.summary(requireUser(req), id);
  }

  @Post(':id/exec')
  @HttpCode(200)
  exec(@Req() req: Request, @Param('id') id: string, @Body() body: unknown): Promise<ExecResult> {
    const user = requireUser(req);
    const { command, terminal } = parseWith(execBody, body);
    // the bot's service token speaks for a Discord user: its commands come through the Discord door
    const door = req.auth?.via === 'service' ? 'discord' : 'api';
    return this.execService.exec({ user, clusterId: id, door, terminal: terminal ?? door, line: command, waitCapMs: this.config.auth.restWaitMs });
  }

  @Get(':id/objects')
  objects(@Req() req: Request, @Param('id') id: string, @Query() query: unknown) {
    const q = parseWith(objectsQuery, query);
    return this.clusters.objects(requireUser(req), id, q.resource, q.full === 'true');
  }

  @Get(':id/inputs')
  inputs(@Req() req: Request, @Param('id') id: string, @Query() query: unknown) {
    const q = parseWith(inputsQuery, query);
    return this.clusters.inputs(requireUser(req), id, q.after, q.limit);
  }

  @Post(':id/reset')
  @HttpCode(200)
  reset(@Req() req: Request, @Param('id') id: string) {
    return this.clusters.reset(requireUser(req), id, 'api');
  }

  @Get(':id/snapshots')
  snapshots(@Req() req: Request, @Param('id') id: string) {
    return this.clusters.listSnapshots(requireUser(req), id);
  }

  @Post(':id/snapshots')
  saveSnapshot(@Req() req: Request, @Param('id') id: string, @Body() body: unknown) {
    return this.clusters.saveSnapshot(requireUser(req), id, parseWith(snapshotBody, body).name);
  }

  @Post(':id/snapshots/:snapshotId/restore')
  @HttpCode(200)
  restore(@Req() req: Request, @Param('id') id: string, @Param('snapshotId') snapshotId: string) {
    return this.clusters.restoreSnapshot(requireUser(req), id, snapshotId, 'api');
  }

  @Delete(':id/snapshots/:snapshotId')
  @HttpCode(204)
  async deleteSnapshot(@Req() req: Request, @Param('id') id: string, @Param('snapshotId') snapshotId: string): Promise<void> {
    await this.clusters.deleteSnapshot(requireUser(req), id, snapshotId);
  }

  @Get(':id/files')
  async files(@Req() req: Request, @Param('id') id: string, @Query() query: unknown) {
    const q = parseWith(fileQuery, query);
    if (q.path !== undefined) return this.workspace.read(requireUser(req), id, q.path, q.host);
    return this.workspace.list(requireUser(req), id, q.host);
  }

  @Put(':id/files')
  @HttpCode(200)
  writeFile(@Req() req: Request, @Param('id') id: string, @Body() body: unknown) {
    const b = parseWith(fileBody, body);
    return this.workspace.write(requireUser(req), id, b.path, b.content, 'api', b.host);
  }

  @Delete(':id/files')
  @HttpCode(204)
  async deleteFile(@Req() req: Request, @Param('id') id: string, @Query() query: unknown): Promise<void> {
    const q = parseWith(fileQuery, query);
    if (q.path === undefined) throw new AppError('BAD_REQUEST', 'Invalid request', [{ path: 'path', message: 'Required' }]);
    await this.workspace.delete(requireUser(req), id, q.path, 'api', q.host);
  }
}
