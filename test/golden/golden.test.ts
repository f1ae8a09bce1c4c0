// Golden transcripts: each scripts/<name>.sh runs through `kubeaula run` (fixed seed and start,
// virtual time) and its transcript must equal scripts/<name>.out byte for byte. A first line
// `# options: --seed 3 --shape cloud` sets run options. UPDATE_GOLDEN=1 rewrites the .out files
// (`npm run golden:update`); a reviewer reads the diff.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runScript } from '../../apps/server/src/cli/run-command';
import { DEFAULT_START, sandboxOptions } from '../../apps/server/src/cli/sandbox-options';
import { parseTime } from '../../apps/server/src/engine/time';

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

describe('golden transcripts', () => {
  const scripts = fs.readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort();
  it('has transcripts', () => expect(scripts.length).toBeGreaterThan(0));
  for (const file of scripts) {
    it(file.replace(/\.sh$/, ''), async () => {
      const script = fs.readFileSync(path.join(DIR, file), 'utf8');
      let out = '';
      await runScript(script, optionsOf(script), (t) => {
        out += t;
      });
      const golden = path.join(DIR, file.replace(/\.sh$/, '.out'));
      if (UPDATE || !fs.existsSync(golden)) fs.writeFileSync(golden, out);
      expect(out).toBe(fs.readFileSync(golden, 'utf8'));
    });
  }
});
