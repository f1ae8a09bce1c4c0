// What a lesson brings to the cluster it runs on when it starts: its starter files in the
// student's home on master, then its setup script, run through the engine as `kubeaula run`
// runs a script, in virtual time (a `sleep 20` in it moves the cluster 20 s ahead at once
// instead of holding the student's cluster for 20 s).
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { splitScript } from '../engine/script';
import type { Lesson } from '../lessons/lesson-catalog';
import { writeStarterFiles } from '../lessons/lesson-proof';

export interface SetupOutcome {
  /** the cluster after the files and the setup, on a virtual clock */
  sandbox: Sandbox;
  /** commands of the setup that failed, with their error */
  failed: string[];
}

/**
 * Applies `lesson`'s starter files and setup to a copy of a cluster: `state` is its serialized
 * form (JSON, as stored), `now` the simulated time it is at.
 */
export async function applyLessonSetup(state: string, now: number, lesson: Pick<Lesson, 'starterFiles' | 'setupScript'>): Promise<SetupOutcome> {
  const sandbox = Sandbox.load(JSON.parse(state) as Parameters<typeof Sandbox.load>[0], new VirtualClock(now));
  writeStarterFiles(sandbox, lesson.starterFiles);
  const failed: string[] = [];
  if (lesson.setupScript) {
    let session = sandbox.newSession();
    for (const item of await splitScript(lesson.setupScript)) {
      if (item.kind !== 'command') continue;
      try {
        const ran = await sandbox.run(session, item.text, undefined, { isTTY: false });
        session = ran.session;
        if (ran.result.exitCode !== 0) failed.push(`${item.text} (exit ${ran.result.exitCode}): ${ran.result.stderr.trim()}`);
      } catch (e) {
        failed.push(`${item.text}: ${(e as Error).message}`);
      }
    }
  }
  sandbox.cluster.step(sandbox.clock.now());
  return { sandbox, failed };
}
