// The classroom list (create one as an instructor, join one with a code) and the cluster page.
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CsrfService } from '../auth/csrf.service';
import { AuthUser, isInstructor } from '../auth/request-auth';
import { ClassroomsService } from '../classrooms/classrooms.service';
import { ClustersService } from '../clusters/clusters.service';
import { AppError } from '../common/app-error';
import { requestLocale, t } from './i18n';
import { pageError } from './page-errors';
import { pageContext } from './page-context';
import { terminalPageCsp } from './terminal-csp';

@ApiExcludeController()
@Controller()
export class ClassroomPagesController {
  constructor(
    private readonly classrooms: ClassroomsService,
    private readonly clusters: ClustersService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('classrooms')
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    await this.render(req, res, req.auth.user);
  }

  @Post('classrooms')
  async create(@Req() req: Request, @Res() res: Response, @Body() body: { name?: unknown }): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    try {
      await this.classrooms.create(req.auth.user, typeof body?.name === 'string' ? body.name.trim().slice(0, 100) || 'Classroom' : 'Classroom');
      res.redirect(303, '/classrooms');
    } catch (e) {
      await this.render(req, res, req.auth.user, pageError(e, 'create', requestLocale(req)), e instanceof AppError ? e.status : 500);
    }
  }

  @Post('classrooms/join')
  async join(@Req() req: Request, @Res() res: Response, @Body() body: { code?: unknown }): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    try {
      await this.classrooms.join(req.auth.user, typeof body?.code === 'string' ? body.code.slice(0, 20) : '');
      res.redirect(303, '/classrooms');
    } catch (e) {
      await this.render(req, res, req.auth.user, pageError(e, 'join', requestLocale(req)), e instanceof AppError ? e.status : 500);
    }
  }

  @Get('clusters/:id')
  async cluster(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const cluster = await this.clusters.summary(req.auth.user, id);
    res.setHeader('Content-Security-Policy', terminalPageCsp());
    res.render('cluster', {
      ...pageContext(req, res, this.csrf),
      title: `${cluster.classroomName} · kubeaula`,
      cluster,
      readOnly: !cluster.mine,
      styles: ['/vendor/xterm/css/xterm.css'],
      scripts: ['/vendor/xterm/lib/xterm.js', '/vendor/xterm-fit/addon-fit.js', '/js/i18n.js', '/js/terminal.js', '/js/cluster.js'],
    });
  }

  private async render(req: Request, res: Response, user: AuthUser, error?: string, status = 200): Promise<void> {
    const rooms = await this.classrooms.list(user);
    const mine = await this.clusters.listMine(user);
    const classrooms = rooms.map((r) => ({ ...r, clusters: mine.filter((c) => c.classroomId === r.id) }));
    const ctx = pageContext(req, res, this.csrf);
    res.status(status).render('classrooms', { ...ctx, title: `${t(ctx.locale, 'classrooms.title')} · kubeaula`, user, classrooms, instructor: isInstructor(user), error });
  }
}
