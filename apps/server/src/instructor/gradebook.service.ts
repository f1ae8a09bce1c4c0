// The grades of an assignment: the instructor's list (with every condition's expected/found and
// the evidence) and the gradebook export (CSV, JSON).
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../clock/clock';
import { PrismaService } from '../database/prisma.service';
import { effectiveScore, Gradebook, gradebook, GradebookRow, storedOverride } from '../grading/gradebook';
import type { ItemGrade } from '../grading/score';
import type { Evidence } from './grading.service';
import { GradingService } from './grading.service';

export interface GradeView {
  userId: string;
  username: string;
  displayName: string;
  /** null: not graded yet */
  grade: null | {
    trigger: string;
    asOf: string;
    gradedAt: string;
    automaticScore: number;
    max: number;
    /** the score that counts: the override if any, else the automatic one */
    total: number;
    items: ItemGrade[];
    evidence: Omit<Evidence, 'timedTransitions'>[];
    override: null | { score: number | null; comment: string; by: string | null; at: string };
  };
}

@Injectable()
export class GradebookService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grading: GradingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async grades(assignmentId: string): Promise<GradeView[]> {
    const a = await this.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { classroomId: true } });
    const members = await this.prisma.membership.findMany({
      where: { classroomId: a.classroomId, role: 'student' },
      select: { userId: true, user: { select: { username: true, displayName: true } }, grades: { where: { assignmentId } } },
      orderBy: [{ user: { username: 'asc' } }],
    });
    const overriders = [...new Set(members.flatMap((m) => m.grades.map((g) => g.overrideById).filter((x): x is string => !!x)))];
    const names = new Map((await this.prisma.user.findMany({ where: { id: { in: overriders } }, select: { id: true, username: true } })).map((u) => [u.id, u.username]));
    return members.map((m) => {
      const g = m.grades[0];
      const view: GradeView = { userId: m.userId, username: m.user.username, displayName: m.user.displayName, grade: null };
      if (g) {
        const stored = storedOverride(g);
        const override = stored && { ...stored, by: g.overrideById ? (names.get(g.overrideById) ?? null) : null };
        view.grade = {
          trigger: g.trigger,
          asOf: g.asOf.toISOString(),
          gradedAt: g.at.toISOString(),
          automaticScore: g.score,
          max: g.max,
          total: effectiveScore(g.score, override),
          items: g.items as unknown as ItemGrade[],
          evidence: ((g.evidence ?? []) as unknown as Evidence[]).map(({ timedTransitions: _t, ...e }) => e),
          override,
        };
      }
      return view;
    });
  }

  async export(assignmentId: string): Promise<Gradebook> {
    const a = await this.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const items = await this.grading.resolve(a);
    const rows: GradebookRow[] = (await this.grades(assignmentId)).map((v) => ({
      username: v.username,
      displayName: v.displayName,
      grade: v.grade && {
        automaticScore: v.grade.automaticScore,
        max: v.grade.max,
        items: Object.fromEntries(v.grade.items.map((i) => [i.key, i.points])),
        trigger: v.grade.trigger,
        asOf: v.grade.asOf,
        gradedAt: v.grade.gradedAt,
        override: v.grade.override,
      },
    }));
    return gradebook(
      { id: a.id, title: a.title, deadline: a.deadline.toISOString(), gradedAt: a.gradedAt?.toISOString() ?? null, max: items.reduce((s, i) => s + i.weight, 0), items: items.map((i) => ({ key: i.key, title: i.title, weight: i.weight })) },
      rows,
      new Date(this.clock.now()).toISOString(),
    );
  }
}
