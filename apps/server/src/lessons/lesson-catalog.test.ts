import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLessonCatalog, solutionSegments } from './lesson-catalog';

const manifest = (id: string, order: number, steps = ['one', 'two']) => ({
  id,
  order,
  title: { es: 'Título', en: 'Title' },
  summary: { es: 'Resumen', en: 'Summary' },
  cluster: { shape: 'kubeadm' },
  steps: steps.map((s) => ({ id: s, title: { es: s, en: s }, checks: [{ type: 'exists', resource: 'pods', name: s }] })),
});

function lessonDir(root: string, folder: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, folder, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

const sound = (id: string, order: number): Record<string, string> => ({
  'lesson.json': JSON.stringify(manifest(id, order)),
  'steps/one.es.md': 'uno',
  'steps/one.en.md': 'one',
  'steps/two.es.md': 'dos',
  'steps/two.en.md': 'two',
  'solution.sh': '# step: one\nkubectl run one --image=nginx\n# step: two\nkubectl run two --image=nginx\n',
  'starter/pod.yaml': 'kind: Pod\n',
});

describe('loadLessonCatalog', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('loads a sound course in order, with texts, starter files and solution', () => {
    lessonDir(root, '02-second', sound('second', 2));
    lessonDir(root, '01-first', sound('first', 1));
    const { lessons, problems } = loadLessonCatalog(root);
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(lessons[0].steps[1].text).toEqual({ es: 'dos', en: 'two' });
    expect(lessons[0].starterFiles).toEqual([{ path: 'pod.yaml', content: 'kind: Pod\n' }]);
    expect(lessons[0].cluster.options).toEqual({});
  });

  it('reports every problem of a folder', () => {
    const files = sound('first', 1);
    delete files['steps/two.en.md'];
    files['steps/three.es.md'] = 'huérfano';
    files['solution.sh'] = '# step: two\n# step: one\n';
    lessonDir(root, '01-first', files);
    lessonDir(root, '02-other', sound('first', 2));
    lessonDir(root, '03-bad', { 'lesson.json': JSON.stringify({ ...manifest('bad', 3), steps: [{ id: 'x', title: { es: 'x' }, checks: [{ type: 'exists' }] }] }) });
    lessonDir(root, '04-noquiz', { ...sound('noquiz', 4), 'quiz.json': JSON.stringify({ questions: [] }) });
    fs.mkdirSync(path.join(root, '05-empty'));
    expect(loadLessonCatalog(root).problems).toEqual([
      '01-first: missing steps/two.en.md',
      '01-first: solution.sh step markers [two, one] do not follow the steps [one, two]',
      '01-first: orphan file steps/three.es.md',
      '02-other: folder 02-other does not end with the lesson id first',
      '03-bad: lesson.json steps.0.title.en: Invalid input: expected string, received undefined',
      '03-bad: lesson.json steps.0.checks.0.resource: Invalid input: expected string, received undefined',
      '04-noquiz: quiz.json questions: Too small: expected array to have >=3 items',
      '05-empty: no lesson.json',
      'first: duplicate lesson id',
    ]);
  });
});

describe('solutionSegments', () => {
  it('splits a solution at its step markers', () => {
    expect(solutionSegments('echo before\n# step: a\nkubectl get pods\n#step: b\nsleep 1\n')).toEqual([
      { step: null, lines: 'echo before\n' },
      { step: 'a', lines: 'kubectl get pods\n' },
      { step: 'b', lines: 'sleep 1\n\n' },
    ]);
  });
});
