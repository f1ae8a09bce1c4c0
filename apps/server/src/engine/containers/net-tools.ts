// curl, wget, nslookup and dig over the simulated network, printing what the real tools print:
// curl 8.5 (Ubuntu hosts) or 7.88 (Debian images), BusyBox 1.36 wget and nslookup in busybox and
// alpine, GNU wget on the hosts, dig from bind9 in the dnsutils image.

import { civil } from '../time';
import type { ClusterView } from './cluster-view';
import type { ImageInfo } from '../images/catalog';
import { shellFlavor } from './image-tools';
import { DNS_SERVICE_IP, HttpResult, Origin, httpRequest, lookupFqdn, reasonPhrase, resolveName, isIp } from './network';
import { mysqlClient } from './mysql-client';

export interface ToolIo {
  argv: string[];
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  /** saves a download (`wget URL`, `curl -o F`); returns false when it cannot */
  writeFile?(path: string, content: string): boolean;
  /**
   * Waits in simulated time while a connection nobody answers times out (the cluster moves on
   * meanwhile). Without it the wait is skipped: the tool runs at once, synchronously.
   */
  sleep?(ms: number): Promise<void> | void;
  /** Ctrl-C: a tool interrupted while it waits ends with 130 and says nothing more */
  signal?: { readonly aborted: boolean };
  /** what it reads on its standard input (a client given its statements by a pipe) */
  stdin?: string;
}

/**
 * How long Linux keeps trying a connection nobody answers: tcp_syn_retries=6 retransmissions,
 * 1+2+4+...+64 = 127 s nominal, about 129.6 s once the coarse timers fire; then connect() fails
 * with ETIMEDOUT. curl and wget have no shorter default (curl's connect timeout is 300 s, BusyBox
 * wget's -T is 900 s), so this is what a client waits for a Service port without a rule.
 */
export const SYN_TIMEOUT_MS = 129_613;

/** GNU wget: --tries default, and the longest linear wait between tries (--waitretry) */
const GNU_WGET_TRIES = 20;
const GNU_WGET_WAITRETRY_S = 10;

/** A tool's run as steps: each yield is a wait in ms, the return value the exit status. */
export type Steps = Generator<number, number, undefined>;

/** Runs the steps: synchronously while nothing waits, as a promise once something does. */
export function drive<T = number>(io: ToolIo, steps: Generator<number, T, undefined>): T | number | Promise<T | number> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const waiting = io.sleep?.(r.value);
    if (waiting) return waiting.then(() => (io.signal?.aborted ? 130 : drive<T>(io, steps)));
    if (io.signal?.aborted) return 130;
  }
}

/**
 * A timeout option's seconds (`5`, `0.5`) in ms; undefined when absent, not a number, or 0 (which
 * turns the timeout off in curl, BusyBox wget and GNU wget alike).
 */
function seconds(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+(\.\d*)?$|^\.\d+$/.test(v)) return undefined;
  const ms = Math.round(parseFloat(v) * 1000);
  return ms > 0 ? ms : undefined;
}

export type ToolFlavor = 'host' | 'debian' | 'busybox';

/** the network clients an image may have */
export const NET_CLIENTS = ['curl', 'wget', 'nslookup', 'dig', 'mysql', 'mariadb'] as const;
export type NetClient = (typeof NET_CLIENTS)[number];

export function isNetClient(prog: string): prog is NetClient {
  return (NET_CLIENTS as readonly string[]).includes(prog);
}

/**
 * Runs one of the network clients as `image` has it: curl 7.88 and GNU wget in Debian-based
 * images (but the dnsutils image's BusyBox-flavoured wget), BusyBox's wget and nslookup in busybox
 * and alpine.
 */
export function runNetClient(prog: NetClient, cluster: ClusterView, origin: Origin, io: ToolIo, image: ImageInfo): number | Promise<number> {
  const debian = shellFlavor(image) === 'dash';
  const flavor: ToolFlavor = debian ? 'debian' : 'busybox';
  switch (prog) {
    case 'curl':
      return curl(cluster, origin, io, flavor);
    case 'wget':
      return wget(cluster, origin, io, debian && image.repo !== 'registry.k8s.io/e2e-test-images/jessie-dnsutils' ? 'host' : 'busybox');
    case 'nslookup':
      return nslookup(cluster, origin, io, flavor);
    case 'dig':
      return dig(cluster, origin, io);
    case 'mysql':
    case 'mariadb':
      return mysqlClient(cluster, origin, io, image);
  }
}

interface Url {
  host: string;
  /** the host as written, with its port when one was given (`web:8080`) */
  authority: string;
  port: number;
  path: string;
  text: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(raw);
  if (!m) return undefined;
  const scheme = m[1] ?? 'http';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] && m[4].startsWith('/') ? m[4] : `/${m[4] ?? ''}`;
  return { host: m[2], authority: m[3] ? `${m[2]}:${m[3]}` : m[2], port, path, text: raw };
}

// ---- curl -----------------------------------------------------------------------------------

export function curl(cluster: ClusterView, origin: Origin, io: ToolIo, flavor: ToolFlavor): number | Promise<number> {
  return drive(io, curlSteps(cluster, origin, io, flavor));
}

function* curlSteps(cluster: ClusterView, origin: Origin, io: ToolIo, flavor: ToolFlavor): Steps {
  const args = io.argv.slice(1);
  let silent = false;
  let showError = false;
  let head = false;
  let verbose = false;
  let include = false;
  let fail = false;
  let output: string | undefined;
  let writeOut: string | undefined;
  let connectTimeout: number | undefined;
  let maxTime: number | undefined;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--connect-timeout') connectTimeout = seconds(args[++i]);
    else if (a.startsWith('--connect-timeout=')) connectTimeout = seconds(a.slice(18));
    else if (a === '--max-time') maxTime = seconds(args[++i]);
    else if (a.startsWith('--max-time=')) maxTime = seconds(a.slice(11));
    else if (a === '--silent') silent = true;
    else if (a === '--head') head = true;
    else if (a === '--verbose') verbose = true;
    else if (a === '--include') include = true;
    else if (a === '--fail') fail = true;
    else if (a === '--show-error') showError = true;
    else if (a === '--output') output = args[++i];
    else if (a === '--write-out') writeOut = args[++i];
    else if (['--retry', '-H', '--header', '-X', '--request', '-A', '--user-agent'].includes(a)) i++;
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 's') silent = true;
        else if (c === 'S') showError = true;
        else if (c === 'I') head = true;
        else if (c === 'v') verbose = true;
        else if (c === 'i') include = true;
        else if (c === 'f') fail = true;
        else if (c === 'o' || c === 'w' || c === 'm' || c === 'H' || c === 'X' || c === 'A') {
          const v = a.slice(j + 1) || args[++i];
          if (c === 'o') output = v;
          if (c === 'w') writeOut = v;
          if (c === 'm') maxTime = seconds(v);
          break;
        }
      }
    } else urls.push(a);
  }
  const say = (code: number, msg: string): number => {
    if (!silent || showError) io.stderr(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!urls.length) {
    io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const ua = flavor === 'host' ? 'curl/8.5.0' : 'curl/7.88.1';
  let status = 0;
  for (const raw of urls) {
    const url = parseUrl(raw);
    if (!url) {
      status = say(3, `URL using bad/illegal format or missing URL`);
      continue;
    }
    const r = httpRequest(cluster, origin, { host: url.host, port: url.port, path: url.path, method: head ? 'HEAD' : 'GET', userAgent: ua });
    if (r.kind === 'dns') {
      status = say(6, `Could not resolve host: ${url.host}`);
      continue;
    }
    if (verbose) io.stderr(`*   Trying ${r.ip}:${url.port}...\n`);
    if (r.kind === 'refused') {
      status = say(7, `Failed to connect to ${url.host} port ${url.port} after 1 ms: Couldn't connect to server`);
      continue;
    }
    if (r.kind === 'timeout') {
      // the kernel's ETIMEDOUT is reported with CURLE_COULDNT_CONNECT's text and exit 28; a
      // shorter --max-time ends it in the multi loop, a shorter --connect-timeout in the
      // connect filter (lib/multi.c multi_handle_timeout, lib/connect.c is_connected)
      const limit = Math.min(maxTime ?? Infinity, connectTimeout ?? Infinity);
      if (limit < SYN_TIMEOUT_MS) {
        yield limit + 1;
        status = say(28, maxTime !== undefined && maxTime <= (connectTimeout ?? Infinity) ? `Connection timed out after ${limit + 1} milliseconds` : `Failed to connect to ${url.host} port ${url.port} after ${limit + 1} ms: Timeout was reached`);
      } else {
        yield SYN_TIMEOUT_MS;
        status = say(28, `Failed to connect to ${url.host} port ${url.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server`);
      }
      continue;
    }
    if (verbose) io.stderr(`* Connected to ${url.host} (${r.ip}) port ${url.port}\n> ${head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1\n> Host: ${url.host}${url.port === 80 ? '' : `:${url.port}`}\n> User-Agent: ${ua}\n> Accept: */*\n> \n`);
    if (r.kind === 'closed' || r.kind === 'not-http') {
      // a server of another protocol: it closed without a byte (CURLE_GOT_NOTHING), or its first
      // bytes are no status line, which curl would take for HTTP/0.9 only with --http0.9
      const [code, text] = r.kind === 'closed' ? [52, 'Empty reply from server'] : [1, 'Received HTTP/0.9 when not allowed'];
      if (verbose) io.stderr(`* ${text}\n* Closing connection${flavor === 'host' ? '' : ' 0'}\n`);
      status = say(code, text);
      continue;
    }
    const statusLine = `HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}`;
    const headerText = [statusLine, ...r.headers().map(([k, v]) => `${k}: ${v}`)].join('\r\n') + '\r\n\r\n';
    if (verbose) io.stderr(headerText.split('\r\n').filter((l, i, a) => i < a.length - 1).map((l) => `< ${l}\n`).join(''));
    if (fail && r.status >= 400) {
      status = say(22, `The requested URL returned error: ${r.status}`);
      continue;
    }
    const out = (head || include ? headerText : '') + r.body;
    if (!silent && !io.isTTY && !verbose && !head) progress(io, r.body.length);
    if (output && output !== '-') {
      if (!io.writeFile?.(output, out)) status = say(23, `Failure writing output to destination`);
    } else io.stdout(out);
    if (writeOut) io.stdout(writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{remote_ip\}/g, r.ip).replace(/\\n/g, '\n'));
    if (verbose) io.stderr(`${io.isTTY ? '' : `{ [${r.body.length} bytes data]\n`}* Connection #0 to host ${url.host} left intact\n`);
  }
  return status;
}

/** curl's progress meter, shown on stderr when the output is not a terminal */
function progress(io: ToolIo, bytes: number): void {
  const n = String(bytes).padStart(5);
  io.stderr(
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
      '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
      `\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${n}  100 ${n}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`,
  );
}

// ---- wget -----------------------------------------------------------------------------------

export function wget(cluster: ClusterView, origin: Origin, io: ToolIo, flavor: ToolFlavor): number | Promise<number> {
  return drive(io, wgetSteps(cluster, origin, io, flavor));
}

function* wgetSteps(cluster: ClusterView, origin: Origin, io: ToolIo, flavor: ToolFlavor): Steps {
  const args = io.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let timeout: number | undefined;
  let tries = GNU_WGET_TRIES;
  const setTries = (v: string | undefined): void => {
    // 0 and inf are "forever": kept to the default here
    if (v && /^[1-9]\d*$/.test(v)) tries = Number(v);
  };
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--quiet') quiet = true;
    else if (a === '--spider') spider = true;
    else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a === '--output-document') output = args[++i];
    else if (a === '-T' || a === '--timeout') timeout = seconds(args[++i]);
    else if (a.startsWith('--timeout=')) timeout = seconds(a.slice(10));
    else if (a.startsWith('--connect-timeout=')) timeout = seconds(a.slice(18));
    else if (a === '-t' || a === '--tries') setTries(args[++i]);
    else if (a.startsWith('--tries=')) setTries(a.slice(8));
    else if (a === '-U' || a === '--header') i++;
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'q') quiet = true;
        else if (a[j] === 'O') {
          output = a.slice(j + 1) || args[++i];
          break;
        } else if (a[j] === 'T' || a[j] === 't' || a[j] === 'U') {
          const v = a.slice(j + 1) || args[++i];
          if (a[j] === 'T') timeout = seconds(v);
          if (a[j] === 't') setTries(v);
          break;
        }
      }
    } else urls.push(a);
  }
  const busybox = flavor === 'busybox';
  if (!urls.length) {
    io.stderr(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  let status = 0;
  for (const raw of urls) {
    const url = parseUrl(raw);
    if (!url) {
      io.stderr(busybox ? `wget: bad address '${raw}'\n` : `${raw}: Invalid URL.\n`);
      status = 1;
      continue;
    }
    const request = (): HttpResult => httpRequest(cluster, origin, { host: url.host, port: url.port, path: url.path, method: 'GET', userAgent: busybox ? 'Wget' : 'Wget/1.21.4' });
    if (busybox) {
      const r = request();
      if (r.kind === 'timeout') {
        if (!quiet) io.stderr(`Connecting to ${url.authority} (${r.ip}:${url.port})\n`);
        // -T arms an alarm around connect(); without it the kernel gives up first
        if (timeout !== undefined && timeout < SYN_TIMEOUT_MS) {
          yield timeout;
          io.stderr('wget: download timed out\n');
        } else {
          yield SYN_TIMEOUT_MS;
          io.stderr(`wget: can't connect to remote host (${r.ip}): Connection timed out\n`);
        }
        // BusyBox dies at the first failure: later URLs are not tried
        return 1;
      }
      // every BusyBox failure is a *_and_die: the URLs after it are not tried
      status = busyboxWget(io, url, r, quiet, output, spider);
      if (status) return status;
      continue;
    }
    status = yield* gnuWget(io, url, request, quiet, output, () => cluster.now, timeout, tries);
  }
  return status;
}

function fileName(url: Url): string {
  const last = url.path.split('?')[0].split('/').pop();
  return last || 'index.html';
}

function busyboxWget(io: ToolIo, url: Url, r: HttpResult, quiet: boolean, output: string | undefined, spider: boolean): number {
  if (r.kind === 'dns') {
    // str2sockaddr names the host as given, port included
    io.stderr(`wget: bad address '${url.authority}'\n`);
    return 1;
  }
  // the host as the URL has it (parse_url keeps the port on it), then the address it resolved to
  if (!quiet) io.stderr(`Connecting to ${url.authority} (${r.ip}:${url.port})\n`);
  if (r.kind === 'refused') {
    io.stderr(`wget: can't connect to remote host (${r.ip}): Connection refused\n`);
    return 1;
  }
  if (r.kind === 'timeout') {
    io.stderr(`wget: can't connect to remote host (${r.ip}): Connection timed out\n`);
    return 1;
  }
  // fgets of the status line finds the connection closed
  if (r.kind === 'closed') {
    io.stderr('wget: error getting response\n');
    return 1;
  }
  // MySQL's greeting: its first `line` is the packet header (status 0, taken as a 100 Continue),
  // then the headers are read: the server version, cut at its NUL, is no `name:` header
  if (r.kind === 'not-http') {
    io.stderr(`wget: bad header line: ${r.version}\n`);
    return 1;
  }
  if (r.status >= 400) {
    io.stderr(`wget: server returned error: HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) io.stderr('remote file exists\n');
    return 0;
  }
  const toStdout = output === '-';
  const target = output ?? fileName(url);
  const size = String(r.body.length).padStart(7);
  if (toStdout) {
    if (!quiet) io.stderr('writing to stdout\n');
    io.stdout(r.body);
    if (!quiet) io.stderr(`-                    100% |********************************|${size}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.stderr(`saving to '${target}'\n`);
  if (!io.writeFile?.(target, r.body)) {
    io.stderr(`wget: can't open '${target}': Read-only file system\n`);
    return 1;
  }
  if (!quiet) io.stderr(`${target.padEnd(20).slice(0, 20)} 100% |********************************|${size}  0:00:00 ETA\n'${target}' saved\n`);
  return 0;
}

function* gnuWget(io: ToolIo, url: Url, request: () => HttpResult, quiet: boolean, output: string | undefined, now: () => number, timeout: number | undefined, tries: number): Steps {
  const shown = `http://${url.host}${url.port === 80 ? '' : `:${url.port}`}${url.path}`;
  let r: HttpResult;
  for (let attempt = 1; ; attempt++) {
    // retr.c: the try number from the second try on, `(try:%2d)`
    if (!quiet) io.stderr(attempt > 1 ? `--${wallTime(now())}--  (try:${String(attempt).padStart(2)})  ${shown}\n` : `--${wallTime(now())}--  ${shown}\n`);
    r = request();
    if (r.kind === 'dns') {
      if (!quiet) io.stderr(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`);
      io.stderr(`wget: unable to resolve host address ‘${url.host}’\n`);
      return 4;
    }
    const conn = `Connecting to ${url.host}${isIp(url.host) ? '' : ` (${url.host})|${r.ip}|`}:${url.port}... `;
    if (r.kind === 'refused') {
      // a refusal is final (without --retry-connrefused)
      if (!quiet) io.stderr(`${conn}failed: Connection refused.\n`);
      return 4;
    }
    if (r.kind === 'timeout') {
      yield timeout !== undefined && timeout < SYN_TIMEOUT_MS ? timeout : SYN_TIMEOUT_MS;
      if (!quiet) io.stderr(`${conn}failed: Connection timed out.\n`);
    } else {
      if (!quiet) io.stderr(`${conn}connected.\n`);
      if (r.kind !== 'closed') break;
      // the server closed without a byte (HEOF): tried again as a failed connection is
      if (!quiet) io.stderr('HTTP request sent, awaiting response... No data received.\n');
    }
    if (attempt >= tries) {
      if (!quiet) io.stderr('Giving up.\n\n');
      return 4;
    }
    if (!quiet) io.stderr('Retrying.\n\n');
    // sleep_between_retrievals: 1 s, 2 s, ... up to --waitretry
    yield Math.min(attempt, GNU_WGET_WAITRETRY_S) * 1000;
  }
  const res = r;
  if (res.kind === 'not-http') return http09(io, url, res.bytes, quiet, output, now);
  if (!quiet) io.stderr(`HTTP request sent, awaiting response... ${res.status} ${reasonPhrase(res.status)}\n`);
  if (res.status >= 400) {
    if (quiet) return 8;
    io.stderr(`${wallTime(now())} ERROR ${res.status}: ${reasonPhrase(res.status)}.\n\n`);
    return 8;
  }
  const target = output ?? fileName(url);
  if (!quiet) io.stderr(`Length: ${res.body.length} [text/html]\nSaving to: ‘${target === '-' ? 'STDOUT' : target}’\n\n`);
  if (target === '-') io.stdout(res.body);
  else if (!io.writeFile?.(target, res.body)) {
    io.stderr(`${target}: Permission denied\n`);
    return 3;
  }
  if (!quiet) io.stderr(`${(target === '-' ? '-' : target).padEnd(20)}100%[===================>]     ${res.body.length}  --.-KB/s    in 0s      \n\n${wallTime(now())} (600 KB/s) - ${target === '-' ? 'written to stdout' : `‘${target}’ saved`} [${res.body.length}/${res.body.length}]\n\n`);
  return 0;
}

/**
 * GNU wget takes a response without a status line for HTTP/0.9 and saves what the server sent
 * until it closed: a MySQL greeting, binary, of no announced length.
 */
function http09(io: ToolIo, url: Url, bytes: string, quiet: boolean, output: string | undefined, now: () => number): number {
  const target = output ?? fileName(url);
  if (!quiet) io.stderr(`HTTP request sent, awaiting response... 200 No headers, assuming HTTP/0.9\nLength: unspecified\nSaving to: ‘${target === '-' ? 'STDOUT' : target}’\n\n`);
  if (target === '-') io.stdout(bytes);
  else if (!io.writeFile?.(target, bytes)) {
    io.stderr(`${target}: Permission denied\n`);
    return 3;
  }
  if (!quiet) io.stderr(`${(target === '-' ? '-' : target).padEnd(20)}    [ <=>                ]      ${bytes.length}  --.-KB/s    in 0s      \n\n${wallTime(now())} (600 KB/s) - ${target === '-' ? 'written to stdout' : `‘${target}’ saved`} [${bytes.length}]\n\n`);
  return 0;
}

/** `2026-01-01 00:00:00` */
function wallTime(ms: number): string {
  const d = civil(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.year}-${p(d.month)}-${p(d.day)} ${p(d.hour)}:${p(d.minute)}:${p(d.second)}`;
}

// ---- nslookup and dig -----------------------------------------------------------------------

export function nslookup(cluster: ClusterView, origin: Origin, io: ToolIo, flavor: ToolFlavor): number {
  const name = io.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    io.stderr(flavor === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n' : '');
    return 1;
  }
  if (origin.kind === 'host') {
    // the host's resolver (systemd-resolved) knows nothing of cluster.local
    io.stdout(`Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find ${name}: ${isIp(name) ? 'NXDOMAIN' : 'SERVFAIL'}\n\n`);
    return 1;
  }
  const busybox = flavor === 'busybox';
  io.stdout(busybox ? `Server:\t\t${DNS_SERVICE_IP}\nAddress:\t${DNS_SERVICE_IP}:53\n\n` : `Server:\t\t${DNS_SERVICE_IP}\nAddress:\t${DNS_SERVICE_IP}#53\n\n`);
  const answer = resolveName(cluster, origin, name);
  if (answer.kind === 'nxdomain') {
    for (const t of answer.tried) io.stdout(`** server can't find ${t}: NXDOMAIN\n\n`);
    return 1;
  }
  if (answer.kind === 'cname') {
    io.stdout(`${answer.fqdn}\tcanonical name = ${answer.target}\n`);
    // CoreDNS forwards the target upstream; the sandbox has no Internet
    io.stdout(`\n** server can't find ${answer.target}: SERVFAIL\n\n`);
    return 1;
  }
  for (const ip of answer.ips) io.stdout(busybox ? `Name:\t${answer.fqdn}\nAddress: ${ip}\n` : `Name:\t${answer.fqdn}\nAddress: ${ip}\n`);
  io.stdout('\n');
  return 0;
}

export function dig(cluster: ClusterView, origin: Origin, io: ToolIo): number {
  const args = io.argv.slice(1);
  const short = args.includes('+short');
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('-') && !a.startsWith('@') && a !== 'A' && a !== 'IN');
  if (!name) return 0;
  // dig does not use the search path unless +search is given
  const fqdn = name.replace(/\.$/, '');
  const answer = origin.kind === 'host' ? undefined : args.includes('+search') ? resolveName(cluster, origin, name) : lookupFqdn(cluster, fqdn);
  const records: string[] = [];
  if (answer?.kind === 'a') for (const ip of answer.ips) records.push(`${answer.fqdn}.\t30\tIN\tA\t${ip}`);
  if (answer?.kind === 'cname') records.push(`${answer.fqdn}.\t30\tIN\tCNAME\t${answer.target}.`);
  if (short) {
    if (answer?.kind === 'a') io.stdout(answer.ips.map((ip) => `${ip}\n`).join(''));
    if (answer?.kind === 'cname') io.stdout(`${answer.target}.\n`);
    return 0;
  }
  const server = origin.kind === 'host' ? '127.0.0.53' : DNS_SERVICE_IP;
  const status = records.length ? 'NOERROR' : origin.kind === 'pod' && fqdn.endsWith('cluster.local') ? 'NXDOMAIN' : 'SERVFAIL';
  let text = `\n; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: 4242\n`;
  text += `;; flags: qr aa rd; QUERY: 1, ANSWER: ${records.length}, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n`;
  text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;${fqdn}.\t\tIN\tA\n\n`;
  if (records.length) text += `;; ANSWER SECTION:\n${records.join('\n')}\n\n`;
  text += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${wallTime(cluster.now)} UTC\n;; MSG SIZE  rcvd: 100\n\n`;
  io.stdout(text);
  return 0;
}
