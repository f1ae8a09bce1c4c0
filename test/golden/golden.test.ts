// Golden transcripts: each scripts/<name>.sh runs through `kubeaula run` (fixed seed and start,
// virtual time) and its transcript must equal scripts/<name>.out byte for byte. A first line
// `# options: --seed 3 --shape cloud` sets run options. UPDATE_GOLDEN=1 rewrites the .out files
// (`npm run golden:update`), the only way one is written: a script without its .out fails. A
// reviewer reads the diff.
//
// Faults a student cannot cause from the shell (a container killed, an image gone from its
// registry, slow pulls, a filled volume, a node's kubelet stopped, its machine powered off or its
// cloud instance deleted) are the instructor's drills (instructor/drill-ops.ts), applied between
// commands by lines only this harness reads (the shell takes them for comments):
//   #! fault KIND key=value ...        starts the drill KIND with those fields
//   #! fault-end KIND key=value ...    ends it (makes the image available again, starts the kubelet...)
// The fields are the drill's (node, namespace, pod, container, image, delaySeconds, volume);
// `$VAR` or `${VAR}` in a value is the script's shell variable (POD=$(kubectl get pods -o name ...)).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runScript, ScriptOptions } from '../../apps/server/src/cli/run-command';
import { DEFAULT_START, sandboxOptions } from '../../apps/server/src/cli/sandbox-options';
import { parseTime } from '../../apps/server/src/engine/time';
import { applyDrill, drillSpecSchema } from '../../apps/server/src/instructor/drill-ops';

const DIR = path.join(__dirname, 'scripts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function optionsOf(script: string) {
  const first = script.split('\n')[0];
  const m = /^# options:(.*)$/.exec(first);
  const args = m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
  const { values } = parseArgs({
    args,
    options: { seed: { type: 'string' }, shape: { type: 'string' }, workers: { type: 'string' }, 'proxy-mode': { type: 'string' }, start: { type: 'string' } },
  });
  return sandboxOptions(values, parseTime(DEFAULT_START));
}

const NUMERIC_FIELDS = new Set(['delaySeconds']);

/** `#! fault KIND k=v ...` / `#! fault-end KIND k=v ...`: starts or ends an instructor's drill. */
const faultDirective: NonNullable<ScriptOptions['directive']> = (text, { sandbox, session }) => {
  const [verb, kind, ...args] = text.split(/\s+/);
  if (verb !== 'fault' && verb !== 'fault-end') throw new Error(`unknown directive: #! ${text}`);
  const fields: Record<string, unknown> = { kind };
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new Error(`#! ${text}: ${arg} is not key=value`);
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1).replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a?: string, b?: string) => session.env[a ?? b ?? ''] ?? '');
    fields[key] = NUMERIC_FIELDS.has(key) ? Number(value) : value;
  }
  const spec = drillSpecSchema.parse(fields);
  applyDrill(sandbox.cluster, spec, verb === 'fault' ? 'start' : 'end', sandbox.clock.now());
};

describe('golden transcripts', () => {
  const scripts = fs.readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort();
  it('has transcripts', () => expect(scripts.length).toBeGreaterThan(0));
  for (const file of scripts) {
    it(file.replace(/\.sh$/, ''), async () => {
      const script = fs.readFileSync(path.join(DIR, file), 'utf8');
      let out = '';
      await runScript(script, { ...optionsOf(script), directive: faultDirective }, (t) => {
        out += t;
      });
      const golden = path.join(DIR, file.replace(/\.sh$/, '.out'));
      // a script without its transcript fails: the transcript is written only when asked for
      if (!UPDATE && !fs.existsSync(golden)) throw new Error(`${file} has no ${path.basename(golden)}: run UPDATE_GOLDEN=1 npx jest test/golden -t ${file.replace(/\.sh$/, '')} and read it`);
      if (UPDATE) fs.writeFileSync(golden, out);
      expect(out).toBe(fs.readFileSync(golden, 'utf8'));
    });
  }
});
