// Grading benchmark (issue 6), in process on a fresh SQLite file with the virtual clock:
// - "grade now" for STUDENTS students on an assignment of 10 conditions: a graded snapshot of
//   each student's course cluster (each holding a Deployment and a Service of its own), the
//   evaluation, and the Grade rows;
// - the class view's data for the same students, with lesson progress and check results stored
//   for three lessons each (passed, partly passed and failing steps).
import fs from 'node:fs';
import { AuthService } from '../apps/server/src/auth/auth.service';
import { ClassroomsService } from '../apps/server/src/classrooms/classrooms.service';
import { ExecService } from '../apps/server/src/clusters/exec.service';
import { PrismaService } from '../apps/server/src/database/prisma.service';
import { AssignmentsService } from '../apps/server/src/instructor/assignments.service';
import { ClassViewService } from '../apps/server/src/instructor/class-view.service';
import { GradingService } from '../apps/server/src/instructor/grading.service';
import { LessonLibrary } from '../apps/server/src/course/lesson-library';
import { bootApp } from '../test/e2e/app-harness';
import { Figure, measureAsync, report } from './harness';

const STUDENTS = Number(process.env.BENCH_GRADING_STUDENTS ?? 300);

const CHECKS = [
  { type: 'exists', resource: 'deployments', name: 'web' },
  { type: 'field', resource: 'deployments', name: 'web', test: { path: 'spec.template.spec.containers[0].image', equals: 'nginx:1.25' } },
  { type: 'field', resource: 'deployments', name: 'web', test: { path: 'spec.replicas', equals: 2 } },
  { type: 'count', resource: 'pods', namePrefix: 'web-', ready: true, atLeast: 2 },
  { type: 'count', resource: 'pods', namespace: '*', phase: 'Running', atLeast: 3 },
  { type: 'exists', resource: 'services', name: 'web' },
  { type: 'selects', name: 'web', atLeast: 2 },
  { type: 'absent', resource: 'pods', name: 'debug' },
  { type: 'command', verb: 'create', args: ['deployment', 'web'] },
  { type: 'exists', resource: 'namespaces', name: 'kube-system' },
];

export async function gradingBenchmarks(): Promise<Figure[]> {
  // the input log's writer thread is unreferenced while it closes: keep the process up until then
  const keepAlive = setInterval(() => {}, 1000);
  const h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '100000', COMMANDS_PER_MINUTE: '100000', LOG_LEVEL: 'warn' });
  try {
    const auth = h.app.get(AuthService);
    const prisma = h.app.get(PrismaService);
    const teacher = await auth.register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const room = await h.app.get(ClassroomsService).create(teacher, 'Bench');
    const exec = h.app.get(ExecService);
    for (let i = 0; i < STUDENTS; i++) {
      const s = await auth.register({ username: `s${String(i).padStart(4, '0')}`, password: 'password123' });
      await h.app.get(ClassroomsService).join(s, room.joinCode!);
      const m = await prisma.membership.findFirstOrThrow({ where: { userId: s.id }, select: { clusters: { select: { id: true } } } });
      const clusterId = m.clusters[0].id;
      await exec.exec({ user: s, clusterId, door: 'api', terminal: 'b', line: `kubectl create deployment web --image=nginx:1.25 --replicas=${1 + (i % 2)}` });
      if (i % 3 !== 0) await exec.exec({ user: s, clusterId, door: 'api', terminal: 'b', line: 'kubectl expose deployment web --port=80' });
    }
    const taught = { id: room.id, name: room.name, timeZone: 'UTC' };
    const assignments = h.app.get(AssignmentsService);
    const task = await assignments.createTask(taught, { title: 'web', description: { es: 'web', en: 'web' }, checks: CHECKS as never });
    const a = await assignments.create(teacher, taught, { title: 'Bench', items: [{ kind: 'task', taskId: task.id, weight: 10 }], deadline: '2030-01-01T00:00:00Z', feedback: 'expected' });
    const grading = h.app.get(GradingService);
    // the first run is the figure: later runs replace the graded snapshots the first one wrote
    const cpu0 = process.cpuUsage();
    const gradeNow = await measureAsync(async () => {
      await grading.grade(a.id, 'manual');
    }, 1);
    const cpu = process.cpuUsage(cpu0);
    const graded = await prisma.grade.count({ where: { assignmentId: a.id } });
    if (graded !== STUDENTS) throw new Error(`graded ${graded} of ${STUDENTS}`);

    // progress in three lessons per student: the first passed, the second partly, the third failing
    const lessons = h.app.get(LessonLibrary).lessons.slice(2, 5);
    const members = await prisma.membership.findMany({ where: { classroomId: room.id, role: 'student' }, select: { id: true, clusters: { select: { id: true } } } });
    const at = new Date();
    for (const m of members) {
      await prisma.lessonProgress.createMany({
        data: lessons.map((l, n) => ({ membershipId: m.id, clusterId: m.clusters[0].id, lessonId: l.id, stepId: l.steps[Math.min(n, l.steps.length - 1)].id, startedAt: at, stepStartedAt: at, passedSteps: n === 0 ? l.steps.map((s) => s.id) : [], updatedAt: at })),
      });
      await prisma.checkResult.createMany({
        data: lessons.slice(1).flatMap((l, n) =>
          [0, 1, 2].map((k) => ({
            membershipId: m.id, clusterId: m.clusters[0].id, lessonId: l.id, checkId: l.steps[0].id, passed: false, score: n === 0 ? 0.5 : 0, clusterVersion: k, at: new Date(at.getTime() + k),
            detail: { en: { passed: false, score: 0.5, conditions: [{ index: 0, type: 'exists', passed: false, weight: 1, score: 0, message: 'expected a pod, found none', expected: 'Pod "web" to exist', found: 'none' }] } },
          })),
        ),
      });
    }
    const view = h.app.get(ClassViewService);
    const viewData = await measureAsync(async () => {
      const d = await view.data(taught, 'en');
      if (d.students.length !== STUDENTS) throw new Error('class view lost students');
    }, 10);
    return [
      { name: `grade now: ${STUDENTS} students × 10 conditions`, value: gradeNow.median, unit: 'ms', target: '< 2000 ms', ok: gradeNow.median < 2000 },
      { name: '  its CPU time (both threads)', value: (cpu.user + cpu.system) / 1000, unit: 'ms' },
      { name: `class view data: ${STUDENTS} students (median of 10)`, value: viewData.median, unit: 'ms', target: '< 200 ms', ok: viewData.median < 200 },
    ];
  } finally {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
    clearInterval(keepAlive);
  }
}

// `node -r @swc-node/register bench/grading.bench.ts` runs it alone
if (process.argv.some((a) => a.endsWith('grading.bench.ts'))) {
  gradingBenchmarks()
    .then((f) => {
      report(f);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
