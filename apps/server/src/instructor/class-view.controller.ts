// The class view: its data as JSON (/api/v1/classrooms/:classroomId/class-view) and its page
// (/classrooms/:classroomId/class), which fetches that JSON and refreshes it while open.
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CsrfService } from '../auth/csrf.service';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { pageContext } from '../web/page-context';
import { classViewMessages } from './class-view.i18n';
import { ClassViewData, ClassViewService } from './class-view.service';
import { InstructorAccess } from './instructor-access';
import { instructorNav } from './instructor-nav';

const viewQuery = z.object({ lang: z.enum(['es', 'en']).optional() }).strict();

@ApiTags('instructor')
@Controller()
export class ClassViewController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly view: ClassViewService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('api/v1/classrooms/:classroomId/class-view')
  @ApiOperation({ summary: 'Students × lesson steps (passed, partly passed with score, failing, time on the current step), a heat row per step, who is online through which door' })
  async data(@Req() req: Request, @Param('classroomId') classroomId: string, @Query() query: unknown): Promise<ClassViewData> {
    const user = requireUser(req);
    const { lang } = parseWith(viewQuery, query);
    const room = await this.access.require(user, classroomId);
    return this.view.data(room, lang ?? (user.locale === 'en' ? 'en' : 'es'));
  }

  @Get('classrooms/:classroomId/class')
  @ApiExcludeEndpoint()
  async page(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const ctx = pageContext(req, res, this.csrf);
    const labels = classViewMessages(ctx.locale);
    res.render('instructor-class', {
      ...ctx,
      title: `${labels.title} · ${room.name} · kubeaula`,
      wide: true,
      room,
      labels,
      labelsJson: JSON.stringify(labels),
      nav: instructorNav(room.id, 'class', ctx.locale),
      styles: ['/css/instructor.css'],
      scripts: ['/js/instructor-class.js'],
    });
  }
}
