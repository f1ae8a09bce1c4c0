// Pages: Handlebars views from the root views/ folder (layouts, partials, pages), static files
// from public/, and security headers with a Content-Security-Policy that allows no inline
// script or style: client code lives in public/ and is loaded from this origin only.
import type { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
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
  app.useStaticAssets(projectPath('public'), { index: false, maxAge: '1h' });
  // The terminal's library, from npm (no CDN): /vendor/xterm/lib/xterm.js, /vendor/xterm/css/xterm.css.
  for (const dir of ['lib', 'css']) app.useStaticAssets(projectPath('node_modules', '@xterm', 'xterm', dir), { prefix: `/vendor/xterm/${dir}/`, index: false, maxAge: '1h' });
  app.useStaticAssets(projectPath('node_modules', '@xterm', 'addon-fit', 'lib'), { prefix: '/vendor/xterm-fit/', index: false, maxAge: '1h' });
  app.setBaseViewsDir(projectPath('views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  for (const [name, fn] of Object.entries(viewHelpers)) hbs.registerHelper(name, fn);
  await new Promise<void>((resolve) => hbs.registerPartials(projectPath('views', 'partials'), () => resolve()));
}
