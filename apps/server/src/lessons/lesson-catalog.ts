// The lesson catalog: reads lessons/ (one folder per lesson), validates every manifest and quiz,
// and reports what is wrong with the folder: missing texts in either language, files no
// manifest refers to, duplicate ids, solutions whose step markers do not follow the steps.
//
// A lesson folder:
//   lesson.json                 the manifest (lesson-schema.ts)
//   steps/<step>.es.md, .en.md  each step's text
//   starter/                    files copied into the student's home on master (optional)
//   setup.sh                    what the lesson's cluster needs first (optional, named in the manifest)
//   solution.sh                 the reference solution: a `kubeaula run` script with `# step: ID` markers
//   quiz.json                   3 to 5 questions (optional)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCALES, LessonManifest, LessonStep, Localized, Quiz, lessonManifestSchema, quizSchema } from './lesson-schema';

export interface LessonFile {
  /** path relative to starter/, as it lands in the student's home */
  path: string;
  content: string;
}

export interface Lesson extends LessonManifest {
  dir: string;
  steps: (LessonStep & { text: Localized })[];
  starterFiles: LessonFile[];
  setupScript?: string;
  solution: string;
  quiz?: Quiz;
}

export interface Catalog {
  lessons: Lesson[];
  /** everything wrong with the folder; empty for a sound course */
  problems: string[];
}

const STEP_MARKER = /^#\s*step:\s*(\S+)\s*$/gm;

export function loadLessonCatalog(root: string): Catalog {
  const problems: string[] = [];
  const lessons: Lesson[] = [];
  const dirs = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  for (const name of dirs) {
    const lesson = loadLesson(path.join(root, name), (p) => problems.push(`${name}: ${p}`));
    if (lesson) lessons.push(lesson);
  }
  const ids = new Set<string>();
  const orders = new Set<number>();
  for (const l of lessons) {
    if (ids.has(l.id)) problems.push(`${l.id}: duplicate lesson id`);
    if (orders.has(l.order)) problems.push(`${l.id}: duplicate order ${l.order}`);
    ids.add(l.id);
    orders.add(l.order);
  }
  for (const l of lessons) for (const p of l.prerequisites) if (!ids.has(p)) problems.push(`${l.id}: unknown prerequisite ${p}`);
  lessons.sort((a, b) => a.order - b.order);
  return { lessons, problems };
}

function loadLesson(dir: string, problem: (p: string) => void): Lesson | undefined {
  const folder = path.basename(dir);
  const manifestPath = path.join(dir, 'lesson.json');
  if (!fs.existsSync(manifestPath)) {
    problem('no lesson.json');
    return undefined;
  }
  const parsed = lessonManifestSchema.safeParse(readJson(manifestPath, problem));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(`lesson.json ${issue.path.join('.')}: ${issue.message}`);
    return undefined;
  }
  const manifest = parsed.data;
  if (!folder.endsWith(manifest.id)) problem(`folder ${folder} does not end with the lesson id ${manifest.id}`);
  const used = new Set<string>(['lesson.json']);
  const read = (rel: string): string => {
    used.add(rel);
    const p = path.join(dir, rel);
    if (!fs.existsSync(p)) {
      problem(`missing ${rel}`);
      return '';
    }
    return fs.readFileSync(p, 'utf8');
  };

  const stepIds = new Set<string>();
  const steps = manifest.steps.map((s) => {
    if (stepIds.has(s.id)) problem(`duplicate step id ${s.id}`);
    stepIds.add(s.id);
    const text = Object.fromEntries(LOCALES.map((loc) => [loc, read(`steps/${s.id}.${loc}.md`)])) as Localized;
    return { ...s, text };
  });

  const solution = read('solution.sh');
  const markers = [...solution.matchAll(STEP_MARKER)].map((m) => m[1]);
  const expected = manifest.steps.map((s) => s.id);
  if (markers.join(' ') !== expected.join(' ')) problem(`solution.sh step markers [${markers.join(', ')}] do not follow the steps [${expected.join(', ')}]`);

  const setupScript = manifest.cluster.setup !== undefined ? read(manifest.cluster.setup) : undefined;

  let quiz: Quiz | undefined;
  if (fs.existsSync(path.join(dir, 'quiz.json'))) {
    used.add('quiz.json');
    const q = quizSchema.safeParse(readJson(path.join(dir, 'quiz.json'), problem));
    if (q.success) quiz = q.data;
    else for (const issue of q.error.issues) problem(`quiz.json ${issue.path.join('.')}: ${issue.message}`);
  }

  const starterFiles: LessonFile[] = [];
  for (const rel of walk(dir)) {
    if (rel.startsWith('starter/')) {
      starterFiles.push({ path: rel.slice('starter/'.length), content: fs.readFileSync(path.join(dir, rel), 'utf8') });
      used.add(rel);
    }
  }
  for (const rel of walk(dir)) if (!used.has(rel)) problem(`orphan file ${rel}`);

  return { ...manifest, dir, steps, starterFiles, setupScript, solution, quiz };
}

function readJson(p: string, problem: (p: string) => void): unknown {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    problem(`${path.basename(p)}: ${(e as Error).message}`);
    return undefined;
  }
}

/** files under dir, relative, with `/` separators, sorted */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Splits a solution into the commands before each step marker (index 0: before the first). */
export function solutionSegments(solution: string): { step: string | null; lines: string }[] {
  const segs: { step: string | null; lines: string }[] = [{ step: null, lines: '' }];
  for (const line of solution.split('\n')) {
    const m = /^#\s*step:\s*(\S+)\s*$/.exec(line.trim());
    if (m) segs.push({ step: m[1], lines: '' });
    else segs[segs.length - 1].lines += `${line}\n`;
  }
  return segs;
}
