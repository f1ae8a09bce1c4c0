// Proves a lesson: runs its reference solution on a fresh cluster of the lesson's shape, through
// the engine as `kubeaula run` does, recording inputs and transitions, and evaluates each step's
// checks as the step starts (they must fail) and at its end marker (they must pass).

import { Sandbox, VirtualClock } from '../engine/sandbox';
import { splitScript } from '../engine/script';
import { parseTime } from '../engine/time';
import { evaluateStep } from '../grading/checks/evaluate';
import { transitionFromWatch } from '../grading/checks/transitions';
import type { CheckContext, InputRecord, Locale, StepResult, TransitionRecord } from '../grading/checks/types';
import type { Lesson, LessonFile } from './lesson-catalog';
import { solutionSegments } from './lesson-catalog';

export const PROOF_START = parseTime('2026-01-01T00:00:00Z');

export interface StepProof {
  id: string;
  /** the checks on the cluster as the step starts */
  atStart?: StepResult;
  /** the checks after the solution up to the step's marker */
  atEnd?: StepResult;
  /** set when the step waits for an engine feature: not evaluated */
  pendingEngine?: string;
  /** `$ command` and its output, for failure messages */
  transcript: string;
}

export interface LessonProof {
  lesson: string;
  steps: StepProof[];
  /** commands of setup that failed (the setup must run clean) */
  setupErrors: string[];
}

/** A sandbox for a lesson: its shape and options, the starter files in the student's home. */
export function lessonSandbox(lesson: Pick<Lesson, 'cluster' | 'starterFiles'>, seed = 1, start = PROOF_START): Sandbox {
  const sandbox = Sandbox.create({ seed, start, shape: lesson.cluster.shape, options: lesson.cluster.options }, new VirtualClock(start));
  writeStarterFiles(sandbox, lesson.starterFiles);
  return sandbox;
}

export function writeStarterFiles(sandbox: Sandbox, files: LessonFile[]): void {
  const fs = sandbox.hosts.master.fs;
  const now = sandbox.cluster.now;
  for (const f of files) {
    const dst = `/home/student/${f.path}`;
    const dir = dst.slice(0, dst.lastIndexOf('/'));
    if (!fs.exists(dir)) fs.mkdir(dir, { owner: 'student', mode: 0o755, now, parents: true });
    fs.write(dst, f.content, { owner: 'student', mode: 0o644, now });
  }
}

export async function proveLesson(lesson: Lesson, locale: Locale = 'en'): Promise<LessonProof> {
  const sandbox = lessonSandbox(lesson);
  const clock = sandbox.clock as VirtualClock;
  let session = sandbox.newSession();
  const inputs: InputRecord[] = [];
  let transitions: TransitionRecord[] = [];
  sandbox.cluster.store.onChange((ev) => {
    const rec = transitionFromWatch(ev, sandbox.cluster.now);
    if (rec) transitions.push(rec);
  });

  const run = async (script: string, record: boolean): Promise<{ transcript: string; failed: string[] }> => {
    let transcript = '';
    const failed: string[] = [];
    for (const item of await splitScript(script)) {
      if (item.kind !== 'command') continue;
      const at = clock.now();
      const aliases = { ...session.aliases };
      const { result, session: next } = await sandbox.run(session, item.text, undefined, { isTTY: false });
      session = next;
      transcript += `$ ${item.text}\n${result.stdout}${result.stderr}`;
      if (result.exitCode !== 0) failed.push(`${item.text} (exit ${result.exitCode}): ${result.stderr.trim()}`);
      if (record) inputs.push({ at, door: 'cli', command: item.text, exitCode: result.exitCode, aliases });
    }
    return { transcript, failed };
  };

  const setup = lesson.setupScript ? await run(lesson.setupScript, false) : { failed: [] };
  // what setup did is not the student's doing
  transitions = [];
  const context = (stepStartedAt: number): CheckContext => ({
    objects: (resource, ns) => sandbox.cluster.store.list(resource, ns),
    inputs,
    transitions,
    now: clock.now(),
    stepStartedAt,
  });

  const segments = solutionSegments(lesson.solution);
  const steps: StepProof[] = [];
  for (const step of lesson.steps) {
    const seg = segments.find((s) => s.step === step.id);
    const startedAt = clock.now();
    sandbox.cluster.step(startedAt);
    const proof: StepProof = { id: step.id, transcript: '' };
    if (step.pendingEngine) proof.pendingEngine = step.pendingEngine;
    else proof.atStart = evaluateStep(step.checks, context(startedAt), locale);
    const { transcript } = await run(seg?.lines ?? '', true);
    proof.transcript = transcript;
    sandbox.cluster.step(clock.now());
    if (!step.pendingEngine) proof.atEnd = evaluateStep(step.checks, context(startedAt), locale);
    steps.push(proof);
  }
  return { lesson: lesson.id, steps, setupErrors: setup.failed };
}
