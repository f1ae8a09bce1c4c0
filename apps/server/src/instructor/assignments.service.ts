// Assignments and custom tasks of a classroom: create, list, read, edit, delete. Every lookup
// is scoped to the classroom in the path, so another classroom's ids are simply not found.
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { LessonLibrary } from '../course/lesson-library';
import { PrismaService } from '../database/prisma.service';
import { AssignmentItem, createAssignmentBody, customTaskBody, editAssignmentBody, editCustomTaskBody } from '../grading/assignment-schema';
import { formatInZone, parseDeadline } from '../grading/time-zone';
import type { TaughtClassroom } from './instructor-access';

export interface AssignmentView {
  id: string;
  title: string;
  items: AssignmentItem[];
  /** ISO 8601 UTC */
  deadline: string;
  /** the deadline as wall time in the classroom's time zone, with its offset */
  deadlineLocal: string;
  timeZone: string;
  feedback: string;
  examMinutes: number | null;
  /** when the deadline grading ran; null before */
  gradedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskView {
  id: string;
  title: string;
  description: { es: string; en: string };
  checks: unknown[];
  createdAt: string;
  updatedAt: string;
}

type AssignmentRow = { id: string; title: string; items: unknown; deadline: Date; feedback: string; examMinutes: number | null; gradedAt: Date | null; createdAt: Date; updatedAt: Date };
type TaskRow = { id: string; title: string; description: unknown; checks: unknown; createdAt: Date; updatedAt: Date };

@Injectable()
export class AssignmentsService {
  /** Told when a deadline is set or moved (the deadline job re-arms). */
  onDeadlineChange: () => void = () => {};

  constructor(
    private readonly prisma: PrismaService,
    private readonly lessons: LessonLibrary,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, room: TaughtClassroom, body: z.output<typeof createAssignmentBody>): Promise<AssignmentView> {
    await this.checkItems(room.id, body.items);
    const now = new Date(this.clock.now());
    const row = await this.prisma.assignment.create({
      data: { classroomId: room.id, title: body.title, items: body.items, deadline: new Date(this.deadline(body.deadline, room.timeZone)), feedback: body.feedback, examMinutes: body.examMinutes ?? null, createdById: user.id, createdAt: now, updatedAt: now },
    });
    this.onDeadlineChange();
    return assignmentView(row, room.timeZone);
  }

  async list(room: TaughtClassroom): Promise<AssignmentView[]> {
    const rows = await this.prisma.assignment.findMany({ where: { classroomId: room.id }, orderBy: [{ deadline: 'asc' }, { createdAt: 'asc' }] });
    return rows.map((r) => assignmentView(r, room.timeZone));
  }

  async get(room: TaughtClassroom, id: string): Promise<AssignmentView> {
    return assignmentView(await this.row(room.id, id), room.timeZone);
  }

  async row(classroomId: string, id: string) {
    const row = await this.prisma.assignment.findFirst({ where: { id, classroomId } });
    if (!row) throw new AppError('NOT_FOUND', 'No such assignment');
    return row;
  }

  /** A moved deadline is graded again when it comes (the earlier grades stay until then). */
  async edit(room: TaughtClassroom, id: string, body: z.output<typeof editAssignmentBody>): Promise<AssignmentView> {
    const before = await this.row(room.id, id);
    if (body.items) await this.checkItems(room.id, body.items);
    const deadline = body.deadline !== undefined ? this.deadline(body.deadline, room.timeZone) : undefined;
    const moved = deadline !== undefined && deadline !== before.deadline.getTime();
    const row = await this.prisma.assignment.update({
      where: { id },
      data: {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.items !== undefined ? { items: body.items } : {}),
        ...(body.feedback !== undefined ? { feedback: body.feedback } : {}),
        ...(body.examMinutes !== undefined ? { examMinutes: body.examMinutes } : {}),
        ...(moved ? { deadline: new Date(deadline), gradedAt: null } : {}),
        updatedAt: new Date(this.clock.now()),
      },
    });
    if (moved) this.onDeadlineChange();
    return assignmentView(row, room.timeZone);
  }

  async remove(room: TaughtClassroom, id: string): Promise<void> {
    await this.row(room.id, id);
    const grades = await this.prisma.grade.findMany({ where: { assignmentId: id }, select: { evidence: true } });
    await this.prisma.$transaction([this.prisma.snapshot.deleteMany({ where: { id: { in: grades.flatMap(snapshotIdsOf) }, kind: 'graded' } }), this.prisma.assignment.delete({ where: { id } })]);
  }

  async createTask(room: TaughtClassroom, body: z.output<typeof customTaskBody>): Promise<TaskView> {
    const now = new Date(this.clock.now());
    const row = await this.prisma.customTask.create({ data: { classroomId: room.id, title: body.title, description: body.description, checks: body.checks as object[], createdAt: now, updatedAt: now } });
    return taskView(row);
  }

  async listTasks(room: TaughtClassroom): Promise<TaskView[]> {
    const rows = await this.prisma.customTask.findMany({ where: { classroomId: room.id }, orderBy: { createdAt: 'asc' } });
    return rows.map(taskView);
  }

  async getTask(room: TaughtClassroom, id: string): Promise<TaskView> {
    const row = await this.prisma.customTask.findFirst({ where: { id, classroomId: room.id } });
    if (!row) throw new AppError('NOT_FOUND', 'No such task');
    return taskView(row);
  }

  /** Edited checks apply to later grading; re-grade an assignment to apply them to its snapshots. */
  async editTask(room: TaughtClassroom, id: string, body: z.output<typeof editCustomTaskBody>): Promise<TaskView> {
    await this.getTask(room, id);
    const row = await this.prisma.customTask.update({
      where: { id },
      data: { ...(body.title !== undefined ? { title: body.title } : {}), ...(body.description ? { description: body.description } : {}), ...(body.checks ? { checks: body.checks as object[] } : {}), updatedAt: new Date(this.clock.now()) },
    });
    return taskView(row);
  }

  async removeTask(room: TaughtClassroom, id: string): Promise<void> {
    await this.getTask(room, id);
    const using = await this.prisma.assignment.findMany({ where: { classroomId: room.id }, select: { title: true, items: true } });
    const users = using.filter((a) => (a.items as AssignmentItem[]).some((i) => i.kind === 'task' && i.taskId === id));
    if (users.length) throw new AppError('CONFLICT', `The task is part of ${users.map((a) => `"${a.title}"`).join(', ')}: take it out first`);
    await this.prisma.customTask.delete({ where: { id } });
  }

  private deadline(text: string, tz: string): number {
    const ms = parseDeadline(text, tz);
    if (ms === undefined) throw new AppError('BAD_REQUEST', 'Invalid request', [{ path: 'deadline', message: `not a time: give local time in ${tz} (2026-03-01T23:59) or ISO 8601 with an offset` }]);
    return ms;
  }

  private async checkItems(classroomId: string, items: AssignmentItem[]): Promise<void> {
    const details: { path: string; message: string }[] = [];
    const taskIds = items.flatMap((i) => (i.kind === 'task' ? [i.taskId] : []));
    const found = new Set((await this.prisma.customTask.findMany({ where: { id: { in: taskIds }, classroomId }, select: { id: true } })).map((t) => t.id));
    const seen = new Set<string>();
    items.forEach((item, n) => {
      const key = item.kind === 'task' ? `task:${item.taskId}` : `lesson:${item.lessonId}`;
      if (seen.has(key)) details.push({ path: `items.${n}`, message: `${key} is listed twice` });
      seen.add(key);
      if (item.kind === 'task' && !found.has(item.taskId)) details.push({ path: `items.${n}.taskId`, message: `no custom task ${item.taskId} in this classroom` });
      if (item.kind === 'lesson' && !this.lessons.lessons.some((l) => l.id === item.lessonId)) details.push({ path: `items.${n}.lessonId`, message: `no lesson ${item.lessonId}` });
    });
    if (details.length) throw new AppError('BAD_REQUEST', 'Invalid request', details);
  }
}

export function snapshotIdsOf(g: { evidence: unknown }): string[] {
  return ((g.evidence ?? []) as { snapshotId?: string }[]).flatMap((e) => (e.snapshotId ? [e.snapshotId] : []));
}

export function assignmentView(r: AssignmentRow, timeZone: string): AssignmentView {
  return {
    id: r.id,
    title: r.title,
    items: r.items as AssignmentItem[],
    deadline: r.deadline.toISOString(),
    deadlineLocal: formatInZone(r.deadline.getTime(), timeZone),
    timeZone,
    feedback: r.feedback,
    examMinutes: r.examMinutes,
    gradedAt: r.gradedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function taskView(r: TaskRow): TaskView {
  return { id: r.id, title: r.title, description: r.description as TaskView['description'], checks: r.checks as unknown[], createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}
