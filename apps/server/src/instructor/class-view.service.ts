// The data of the class view: every student by every lesson step (passed, partly passed with
// its score, failing, or not reached; how long the student has been on their current step), a
// heat row per step (how many students fail it and the condition most of them fail), and who
// is online through which door (a shell used in the last ONLINE_MS, per door).
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { LessonLibrary } from '../course/lesson-library';
import type { Locale } from '../grading/checks/types';
import { ClassViewReader } from './class-view.reader';
import type { TaughtClassroom } from './instructor-access';

export const ONLINE_MS = 5 * 60_000;

export type CellState = 'passed' | 'partial' | 'failing' | 'current' | 'none';

export interface ClassCell {
  state: CellState;
  /** 0..1, the last check's score */
  score: number | null;
  /** ms on this step so far, for the student's current step */
  onStepMs: number | null;
}

export interface ClassViewData {
  classroom: { id: string; name: string; timeZone: string };
  now: string;
  lessons: { id: string; title: string; steps: { id: string; title: string }[] }[];
  students: {
    userId: string;
    username: string;
    displayName: string;
    /** doors with a shell used in the last five minutes: web, discord, cli, api */
    online: string[];
    /** `lessonId/stepId` → cell */
    cells: Record<string, ClassCell>;
    passed: number;
  }[];
  /** per `lessonId/stepId` */
  heat: Record<string, { failing: number; topCondition: { text: string; students: number } | null }>;
}

@Injectable()
export class ClassViewService implements OnModuleDestroy {
  private readonly reader: ClassViewReader;

  constructor(
    private readonly lessons: LessonLibrary,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.reader = new ClassViewReader(config.databaseFile);
  }

  onModuleDestroy(): void {
    this.reader.close();
  }

  async data(room: TaughtClassroom, locale: Locale): Promise<ClassViewData> {
    const now = this.clock.now();
    const lessons = this.lessons.lessons;
    const { members, progress, lastChecks, shells } = this.reader.read(room.id);
    const last = new Map(lastChecks.map((c) => [`${c.membershipId}|${c.lessonId}/${c.checkId}`, c]));
    const progressOf = new Map(progress.map((p) => [`${p.membershipId}|${p.lessonId}`, p]));
    const online = new Map<string, Set<string>>();
    for (const s of shells) if (s.lastUsedAt >= now - ONLINE_MS) (online.get(s.userId) ?? online.set(s.userId, new Set()).get(s.userId)!).add(s.door);

    const heatCount = new Map<string, { failing: number; conditions: Map<string, number> }>();
    const students = members.map((m) => {
      const cells: Record<string, ClassCell> = {};
      let passedCount = 0;
      for (const lesson of lessons) {
        const p = progressOf.get(`${m.id}|${lesson.id}`);
        const passed = new Set(p?.passedSteps ?? []);
        for (const step of lesson.steps) {
          const key = `${lesson.id}/${step.id}`;
          const current = p?.stepId === step.id;
          const onStepMs = current && p?.stepStartedAt !== null && p?.stepStartedAt !== undefined ? Math.max(0, now - p.stepStartedAt) : null;
          const check = last.get(`${m.id}|${key}`);
          let cell: ClassCell;
          if (passed.has(step.id)) cell = { state: 'passed', score: 1, onStepMs: null };
          else if (check && !check.passed) {
            cell = { state: check.score > 0 ? 'partial' : 'failing', score: check.score, onStepMs };
            const h = heatCount.get(key) ?? heatCount.set(key, { failing: 0, conditions: new Map() }).get(key)!;
            h.failing++;
            const expected = this.reader.firstFailedExpected(check.id, locale);
            if (expected) h.conditions.set(expected, (h.conditions.get(expected) ?? 0) + 1);
          } else if (current) cell = { state: 'current', score: null, onStepMs };
          else continue; // not reached: left out, the page shows it empty
          if (cell.state === 'passed') passedCount++;
          cells[key] = cell;
        }
      }
      return { userId: m.userId, username: m.username, displayName: m.displayName, online: [...(online.get(m.userId) ?? [])].sort(), cells, passed: passedCount };
    });
    const heat: ClassViewData['heat'] = {};
    for (const [key, h] of heatCount) {
      let top: { text: string; students: number } | null = null;
      for (const [text, n] of h.conditions) if (!top || n > top.students) top = { text, students: n };
      heat[key] = { failing: h.failing, topCondition: top };
    }
    return {
      classroom: { id: room.id, name: room.name, timeZone: room.timeZone },
      now: new Date(now).toISOString(),
      lessons: lessons.map((l) => ({ id: l.id, title: l.title[locale], steps: l.steps.map((s) => ({ id: s.id, title: s.title[locale] })) })),
      students,
      heat,
    };
  }
}
