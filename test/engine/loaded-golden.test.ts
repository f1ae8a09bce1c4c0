// A loaded cluster is the cluster: golden transcripts run on a cluster that was stored and
// loaded back before the first command (its objects then shared with other loaded clusters,
// frozen; its hosts' files over the shared fresh host) print the same bytes as on a new one.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runScript } from '../../apps/server/src/cli/run-command';
import { DEFAULT_START, sandboxOptions } from '../../apps/server/src/cli/sandbox-options';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { parseTime } from '../../apps/server/src/engine/time';

const DIR = path.join(__dirname, '..', 'golden', 'scripts');
const ONLY = process.env.LOADED_GOLDEN_ALL === '1' ? undefined : ['deployment-basics', 'errors', 'services-iptables', 'volumes-pvc', 'install-kubeadm'];

function optionsOf(script: string) {
  const m = /^# options:(.*)$/.exec(script.split('\n')[0]);
  const args = m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
  const { values } = parseArgs({
    args,
    options: { seed: { type: 'string' }, shape: { type: 'string' }, workers: { type: 'string' }, 'proxy-mode': { type: 'string' }, start: { type: 'string' } },
  });
  return sandboxOptions(values, parseTime(DEFAULT_START));
}

describe('golden transcripts on a loaded cluster', () => {
  const scripts = fs.readdirSync(DIR).filter((f) => f.endsWith('.sh') && (!ONLY || ONLY.includes(f.replace(/\.sh$/, '')))).sort();
  it('has the transcripts it names', () => expect(scripts.length).toBe(ONLY?.length ?? scripts.length));
  for (const file of scripts) {
    it(file.replace(/\.sh$/, ''), async () => {
      const script = fs.readFileSync(path.join(DIR, file), 'utf8');
      const opts = optionsOf(script);
      const fresh = Sandbox.create({ seed: opts.seed, start: opts.start, shape: opts.shape, options: { workers: opts.workers, kubeProxyMode: opts.proxyMode } });
      // twice: the second load shares the first one's objects
      Sandbox.load(JSON.parse(JSON.stringify(fresh.serialize())), new VirtualClock(opts.start));
      const stateIn = Sandbox.load(JSON.parse(JSON.stringify(fresh.serialize())), new VirtualClock(opts.start));
      let out = '';
      await runScript(script, { ...opts, stateIn }, (t) => {
        out += t;
      });
      expect(out).toBe(fs.readFileSync(path.join(DIR, file.replace(/\.sh$/, '.out')), 'utf8'));
    });
  }
});
