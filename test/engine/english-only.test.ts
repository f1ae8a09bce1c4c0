// kubectl's output is never translated. The engine has no locale input: the user's language
// (User.locale, Accept-Language) stays in the dashboard and the bot, and what a command prints
// depends only on the cluster, the command line and the clock. Nor does the simulated host's
// LANG change it: kubectl v1.32 has no Spanish catalog, and prints English under es_ES.UTF-8.
// (test/e2e/clusters.test.ts proves it through the exec service for a Spanish and an English user.)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';

const ENGINE = path.resolve(__dirname, '../../apps/server/src/engine');
const START = Date.UTC(2026, 0, 1);

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []));
}

async function transcript(lines: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }[]> {
  const sandbox = Sandbox.create({ seed: 7, start: START }, new VirtualClock(START));
  let session = sandbox.newSession();
  const out = [];
  for (const line of lines) {
    const r = await sandbox.run(session, line, undefined, { isTTY: false });
    session = r.session;
    out.push({ stdout: r.result.stdout, stderr: r.result.stderr, exitCode: r.result.exitCode });
  }
  return out;
}

describe('kubectl is never translated', () => {
  it('the engine has no locale input: no locale, i18n, Intl or toLocale* anywhere in its sources', () => {
    // `localeCompare` (a string comparator, in apt's package order and the cloud's default class) is
    // no input, and `\blocale\b` does not match it; the simulated host's LANG is the next test's
    const words = /\blocales?\b|\bi18n\b|\bIntl\b|\btoLocale\w*|accept-?language/i;
    const hits = sources(ENGINE).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(ENGINE, file)}:${i + 1}`, line }))
        .filter(({ line }) => words.test(line)),
    );
    expect(hits).toEqual([]);
    expect(sources(ENGINE).length).toBeGreaterThan(100);
  });

  it("prints the same English whatever the student's LANG, LC_ALL or LANGUAGE", async () => {
    const lines = [
      'kubectl get pods',
      'kubectl get pod x',
      'kubectl create deployment web',
      'kubectl create deployment web --image=nginx',
      'sleep 30',
      'kubectl get deploy web',
      'kubectl describe deploy web | tail -4',
      'kubectl get --help | head -1',
      'kubectl delete pod nope',
    ];
    const plain = await transcript(['echo $LANG', ...lines]);
    const spanish = await transcript(['export LANG=es_ES.UTF-8 LC_ALL=es_ES.UTF-8 LANGUAGE=es', ...lines]);
    expect(plain[0].stdout).toBe('C.UTF-8\n');
    expect(spanish.slice(1)).toEqual(plain.slice(1));
    expect(plain.slice(1, 5)).toEqual([
      { stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 },
      { stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 },
      { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 },
      { stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 },
    ]);
    expect(plain[6].stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/1     1            1           30s\n');
    expect(plain[8].stdout).toBe('Display one or many resources.\n');
    expect(plain[9]).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});
