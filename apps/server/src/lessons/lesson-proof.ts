// Proves a lesson: runs its reference solution on a fresh cluster of the lesson's shape, through
// the engine as `kubeaula run` does, recording inputs and transitions, and evaluates each step's
// checks as the step starts (they must fail) and at its end marker (they must pass).

import { Sandbox, VirtualClock } from '../engine/sandbox';
import { splitScript } from '../engine/script';
import { parseTime } from '../engine/time';
import { evaluateStep } from '../grading/checks/evaluate';
import { transitionFromWatch } from '../grading/checks/transitions';
import type { CheckContext, InputRecord, Locale, StepResult, TransitionRecord } from '../grading/checks/types';
import type { ShellSession } from '../engine/shell/types';
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

/** A sandbox for a lesson: its shape and options (`CourseRun.prove` writes the starter files). */
export function lessonSandbox(lesson: Pick<Lesson, 'cluster'>, seed = 1, start = PROOF_START): Sandbox {
  return Sandbox.create({ seed, start, shape: lesson.cluster.shape, options: lesson.cluster.options }, new VirtualClock(start));
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

export interface ProofOptions {
  locale?: Locale;
  /** evaluate `pendingEngine` steps too (to see whether the engine has caught up) */
  evaluatePending?: boolean;
}

/** Proves a lesson on a fresh cluster of its own shape. */
export async function proveLesson(lesson: Lesson, opts: ProofOptions = {}): Promise<LessonProof> {
  return new CourseRun(lessonSandbox(lesson)).prove(lesson, opts);
}

/**
 * A cluster that lessons run on one after another, as a student's course cluster does: each
 * lesson's starter files and setup, then its solution step by step. Inputs and transitions are
 * recorded per lesson (a lesson's checks see what was done since it started).
 */
export class CourseRun {
  private session: ShellSession;
  private inputs: InputRecord[] = [];
  private transitions: TransitionRecord[] = [];

  constructor(readonly sandbox: Sandbox) {
    this.session = sandbox.newSession();
    sandbox.cluster.store.onChange((ev) => {
      const rec = transitionFromWatch(ev, sandbox.cluster.now);
      if (rec) this.transitions.push(rec);
    });
  }

  private get clock(): VirtualClock {
    return this.sandbox.clock as VirtualClock;
  }

  async prove(lesson: Lesson, opts: ProofOptions = {}): Promise<LessonProof> {
    const locale = opts.locale ?? 'en';
    writeStarterFiles(this.sandbox, lesson.starterFiles);
    this.inputs = [];
    const setup = lesson.setupScript ? await this.run(lesson.setupScript, false) : { failed: [] };
    // what setup did is not the student's doing
    this.transitions = [];
    const segments = solutionSegments(lesson.solution);
    const steps: StepProof[] = [];
    for (const step of lesson.steps) {
      const startedAt = this.clock.now();
      this.stepCluster();
      const evaluate = !step.pendingEngine || opts.evaluatePending;
      const proof: StepProof = { id: step.id, transcript: '' };
      if (step.pendingEngine) proof.pendingEngine = step.pendingEngine;
      if (evaluate) proof.atStart = evaluateStep(step.checks, this.context(startedAt), locale);
      // a pending step's solution may hit the very engine gap it waits for (and break the
      // cluster for the lessons after it): it runs only when pending steps are evaluated
      const lines = evaluate ? (segments.find((s) => s.step === step.id)?.lines ?? '') : '';
      proof.transcript = (await this.run(lines, true)).transcript;
      this.stepCluster();
      if (evaluate) proof.atEnd = evaluateStep(step.checks, this.context(startedAt), locale);
      steps.push(proof);
    }
    return { lesson: lesson.id, steps, setupErrors: setup.failed };
  }

  /** brings the cluster to the clock's time; an engine failure is reported by the next check */
  private stepCluster(): void {
    try {
      this.sandbox.cluster.step(this.clock.now());
    } catch {
      // the same failure surfaces in the next command's transcript
    }
  }

  private context(stepStartedAt: number): CheckContext {
    return {
      objects: (resource, ns) => this.sandbox.cluster.store.list(resource, ns),
      inputs: this.inputs,
      transitions: this.transitions,
      now: this.clock.now(),
      stepStartedAt,
    };
  }

  private async run(script: string, record: boolean): Promise<{ transcript: string; failed: string[] }> {
    let transcript = '';
    const failed: string[] = [];
    for (const item of await splitScript(script)) {
      if (item.kind !== 'command') continue;
      const at = this.clock.now();
      const aliases = { ...this.session.aliases };
      let result;
      try {
        const ran = await this.sandbox.run(this.session, item.text, undefined, { isTTY: false });
        this.session = ran.session;
        result = ran.result;
      } catch (e) {
        // an engine error outside kubectl: keep going, the transcript says what broke
        result = { stdout: '', stderr: `engine error: ${(e as Error).message}\n`, exitCode: 70 };
      }
      transcript += `$ ${item.text}\n${result.stdout}${result.stderr}${result.exitCode ? `[exit ${result.exitCode}]\n` : ''}`;
      if (result.exitCode !== 0) failed.push(`${item.text} (exit ${result.exitCode}): ${result.stderr.trim()}`);
      if (record) this.inputs.push({ at, door: 'cli', command: item.text, exitCode: result.exitCode, aliases });
    }
    return { transcript, failed };
  }
}
