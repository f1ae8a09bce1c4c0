// The home page: what kubeaula is, and where to begin.
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsrfService } from '../auth/csrf.service';
import { homeView } from './home.view';
import { pageContext } from './page-context';

@Controller()
export class HomeController {
  constructor(private readonly csrf: CsrfService) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response): void {
    const ctx = pageContext(req, res, this.csrf);
    res.render('home', { ...ctx, ...homeView(ctx.locale) });
  }
}
