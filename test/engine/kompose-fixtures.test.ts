// Issue 3, acceptance: every kompose fixture under ../shared/corpus/kompose goes through
// `kompose -f FILE convert --stdout --with-kompose-annotation=false` (plus the flags SOURCES.md
// gives it), typed in the sandbox shell in the fixture's directory as kompose's own
// script/test/cmd/tests.sh runs it, and the objects must equal the expected output semantically:
// documents in any order, as that script compares them (dyff --ignore-order-changes), map keys in
// any order, list items in order.
//
// Each fixture is its own test and fails with the difference; KNOWN_MISMATCHES lists, with the
// reason, the fixtures that are expected not to match (each is also in docs/simplifications.md).
// A listed fixture that starts to match fails too, so the list stays true. At least 80% must match.

import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { copyWorkspace } from '../../apps/server/src/cli/sandbox-options';
import { Sandbox } from '../../apps/server/src/engine/sandbox';
import { ShellSession } from '../../apps/server/src/engine/shell/types';

const ROOT = path.join(__dirname, '../../../shared/corpus/kompose');

/** fixture name → why it does not match (none today: 20 of 20 match) */
const KNOWN_MISMATCHES: Record<string, string> = {};

interface Case {
  name: string;
  dir: string;
  files: string[];
  expected: string;
  flags?: string;
}

/** the fixtures whose flags or file names SOURCES.md lists; the others are compose.yaml → output-k8s.yaml */
const SPECIAL: Case[] = [
  { name: 'change-in-volume (--emptyvols)', dir: 'change-in-volume', files: ['compose.yaml'], expected: 'output-k8s.yaml', flags: '--emptyvols' },
  {
    name: 'change-in-volume (--volumes emptyDir)',
    dir: 'change-in-volume',
    files: ['compose.yaml'],
    expected: 'output-k8s-empty-vols-template.yaml',
    flags: '--volumes emptyDir',
  },
  { name: 'namespace (-n web)', dir: 'namespace', files: ['compose.yaml'], expected: 'output-k8s.yaml', flags: '-n web' },
  { name: 'multiple-files', dir: 'multiple-files', files: ['first.yaml', 'second.yaml'], expected: 'output-k8s.yaml' },
  { name: 'healthcheck', dir: 'healthcheck', files: ['compose-healthcheck.yaml'], expected: 'output-healthcheck-k8s.yaml' },
];

function discover(): Case[] {
  const cases = [...SPECIAL];
  const walk = (rel: string): void => {
    const abs = path.join(ROOT, rel);
    if (fs.existsSync(path.join(abs, 'compose.yaml')) && fs.existsSync(path.join(abs, 'output-k8s.yaml')) && !SPECIAL.some((c) => c.dir === rel)) {
      cases.push({ name: rel, dir: rel, files: ['compose.yaml'], expected: 'output-k8s.yaml' });
    }
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) if (e.isDirectory()) walk(rel ? `${rel}/${e.name}` : e.name);
  };
  walk('');
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

function docs(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Record<string, unknown> | null)
    .filter((d): d is Record<string, unknown> => !!d);
}

function key(o: Record<string, unknown>): string {
  const m = (o.metadata ?? {}) as Record<string, unknown>;
  return `${String(o.kind)}/${String(m.namespace ?? '')}/${String(m.name)}`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** the documents in a canonical text: ordered by kind/namespace/name, map keys sorted, so that equal means semantically equal */
function canonical(text: string): string {
  return docs(text)
    .sort((a, b) => key(a).localeCompare(key(b)))
    .map((d) => `# ${key(d)}\n${stringify(sortKeys(d))}`)
    .join('---\n');
}

interface Outcome {
  got: string;
  want: string;
  /** what kompose printed when it failed */
  error?: string;
}

const present = fs.existsSync(ROOT);

if (!present) {
  console.warn(`NOTICE: the kompose fixtures are not at ${ROOT} (../shared/corpus/kompose beside the repository): the fixture comparison is skipped.`);
  describe.skip('kompose convert against the kompose fixtures (skipped: ../shared/corpus/kompose is absent)', () => {
    it('needs ../shared/corpus/kompose', () => undefined);
  });
} else {
  describe('kompose convert against the kompose fixtures', () => {
    const cases = discover();
    const outcomes = new Map<string, Outcome>();

    beforeAll(async () => {
      const sandbox = Sandbox.create({ seed: 1, start: Date.UTC(2026, 0, 1) });
      copyWorkspace(sandbox, ROOT);
      let session: ShellSession = sandbox.newSession();
      for (const c of cases) {
        const line = `cd /home/student/${c.dir} && kompose ${c.files.map((f) => `-f ${f}`).join(' ')} convert --stdout --with-kompose-annotation=false${c.flags ? ` ${c.flags}` : ''}`;
        const r = await sandbox.run(session, line, undefined, { isTTY: false });
        session = r.session;
        const want = canonical(fs.readFileSync(path.join(ROOT, c.dir, c.expected), 'utf8'));
        outcomes.set(c.name, r.result.exitCode === 0 ? { got: canonical(r.result.stdout), want } : { got: '', want, error: r.result.stderr });
      }
    }, 60_000);

    it('finds the fixtures, and every known mismatch is one of them', () => {
      expect(cases.length).toBeGreaterThanOrEqual(20);
      for (const name of Object.keys(KNOWN_MISMATCHES)) expect(cases.map((c) => c.name)).toContain(name);
    });

    it.each(cases.map((c) => [c.name]))('%s', (name) => {
      const o = outcomes.get(name)!;
      const reason = KNOWN_MISMATCHES[name];
      if (reason === undefined) {
        expect(o.error).toBeUndefined();
        // on failure jest shows the line diff: "-" what the fixture expects, "+" what kompose gave
        expect(o.got).toBe(o.want);
      } else if (!o.error && o.got === o.want) {
        throw new Error(`${name} now matches: take it out of KNOWN_MISMATCHES (and docs/simplifications.md); it was listed because: ${reason}`);
      }
    });

    it('matches at least 80% of the fixtures', () => {
      const matching = cases.filter((c) => {
        const o = outcomes.get(c.name)!;
        return !o.error && o.got === o.want;
      });
      console.log(`kompose fixtures: ${matching.length}/${cases.length} match`);
      expect(matching.length / cases.length).toBeGreaterThanOrEqual(0.8);
    });
  });
}
