// What the WebSocket gateways check at the handshake, before any message: the page's Origin must
// be this server (a cross-site page cannot open a socket with the student's cookie), and the
// session comes from the same cookie the pages use.

/** True when the Origin header names the host the request was sent to. */
export function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}
