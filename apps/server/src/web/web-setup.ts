// Pages: Handlebars views from the root views/ folder (layouts, partials, pages), static files
// from public/, and security headers with a Content-Security-Policy that allows no inline
// script or style: client code lives in public/ and is loaded from this origin only.
import type { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { projectPath } from '../config/paths';
import { viewHelpers } from './i18n/view-helpers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // A classroom server often runs on plain HTTP in a LAN: do not force https subresources.
  upgradeInsecureRequests: null,
};

export async function setUpWeb(app: NestExpressApplication): Promise<void> {
  // A reverse proxy on this machine may say the request came over HTTPS (Secure cookies then).
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  app.use(staticFiles(projectPath('public')));
  // The terminal's library, from npm (no CDN): /vendor/xterm/lib/xterm.js, /vendor/xterm/css/xterm.css.
  for (const dir of ['lib', 'css']) app.use(`/vendor/xterm/${dir}/`, staticFiles(projectPath('node_modules', '@xterm', 'xterm', dir)));
  app.use('/vendor/xterm-fit/', staticFiles(projectPath('node_modules', '@xterm', 'addon-fit', 'lib')));
  app.setBaseViewsDir(projectPath('views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  for (const [name, fn] of Object.entries(viewHelpers)) hbs.registerHelper(name, fn);
  await new Promise<void>((resolve) => hbs.registerPartials(projectPath('views', 'partials'), () => resolve()));
}

/**
 * Files of `dir` (cached an hour), for every path but the API's: an API request never looks
 * for a file on disk first (express.static would stat one per request before the route runs).
 */
function staticFiles(dir: string): RequestHandler {
  const serve = express.static(dir, { index: false, maxAge: '1h' });
  return (req, res, next) => (req.originalUrl.startsWith('/api/') ? next() : serve(req, res, next));
}
