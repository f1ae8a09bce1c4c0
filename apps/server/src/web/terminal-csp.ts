// The cluster page's Content-Security-Policy: the site's one, plus inline *styles*. xterm.js
// writes its cell sizes and colours into <style> elements it creates, and offers no nonce, so
// a strict style-src breaks the terminal's layout. Scripts stay 'self' only: no inline script.
import { CONTENT_SECURITY_POLICY } from './web-setup';

const directives: Record<string, string[] | null> = { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };
// a constant: written once, not on every page
const TERMINAL_PAGE_CSP = Object.entries(directives)
  .filter((e): e is [string, string[]] => e[1] !== null)
  .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
  .join(';');

export function terminalPageCsp(): string {
  return TERMINAL_PAGE_CSP;
}
