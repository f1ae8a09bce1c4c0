// The command line's cluster options: bad values and unusable saved states are one-line errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { sandboxOptions } from './sandbox-options';

const START = Date.UTC(2026, 0, 1);

describe('sandboxOptions', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeaula-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  it('loads a saved state', () => {
    const saved = JSON.stringify(Sandbox.create({ seed: 3, start: START }, new VirtualClock(START)).serialize());
    const opts = sandboxOptions({ 'state-in': file('ok.json', saved) }, START);
    expect(opts.stateIn?.clock.now()).toBe(START);
    expect(opts.stateIn?.cluster.now).toBe(START);
  });

  it.each([
    ['not JSON', '{"now": 0,', /^cannot read --state-in .*bad\.json: /],
    ['another engine version', '{"engineVersion": "9.9.9", "now": 0}', /^cannot load --state-in .*bad\.json: cluster state was written by engine 9\.9\.9; this is engine /],
  ])('refuses a state that is %s, in one line', (_what, text, message) => {
    const p = file('bad.json', text);
    expect(() => sandboxOptions({ 'state-in': p }, START)).toThrow(message);
  });

  it('refuses bad numbers and names', () => {
    expect(() => sandboxOptions({ workers: '0' }, START)).toThrow('invalid --workers "0": an integer from 1 to 50');
    expect(() => sandboxOptions({ 'proxy-mode': 'nft' }, START)).toThrow('invalid --proxy-mode "nft": iptables or ipvs');
    expect(() => sandboxOptions({ start: 'yesterday' }, START)).toThrow(/^invalid --start "yesterday": an RFC 3339 time/);
  });
});
