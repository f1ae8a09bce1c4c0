// The gradebook of an assignment as CSV (one row per student, one column per item, the total)
// and as JSON. Times are ISO 8601 UTC. The formats are documented in README.md.

export interface GradebookItem {
  key: string;
  title: string;
  weight: number;
}

export interface GradebookRow {
  username: string;
  displayName: string;
  /** null: not graded yet */
  grade: null | {
    automaticScore: number;
    max: number;
    /** item key → points */
    items: Record<string, number>;
    trigger: string;
    /** the time the graded state is from */
    asOf: string;
    gradedAt: string;
    override: null | { score: number | null; comment: string; by: string | null; at: string };
  };
}

export interface Gradebook {
  assignment: { id: string; title: string; deadline: string; gradedAt: string | null; max: number; items: GradebookItem[] };
  exportedAt: string;
  students: (GradebookRow & { total: number | null })[];
}

/** The score that counts: the override's score when it gives one, else the automatic score. */
export function effectiveScore(automaticScore: number, override: { score: number | null } | null): number {
  return override && override.score !== null ? override.score : automaticScore;
}

/** A stored grade's override (its Grade columns), or null when the instructor set none. */
export function storedOverride(g: { overrideAt: Date | null; overrideScore: number | null; overrideComment: string | null }): { score: number | null; comment: string; at: string } | null {
  return g.overrideAt ? { score: g.overrideScore, comment: g.overrideComment ?? '', at: g.overrideAt.toISOString() } : null;
}

export function gradebook(assignment: Gradebook['assignment'], rows: GradebookRow[], exportedAt: string): Gradebook {
  return { assignment, exportedAt, students: rows.map((r) => ({ ...r, total: r.grade ? effectiveScore(r.grade.automaticScore, r.grade.override) : null })) };
}

/** RFC 4180 field; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function gradebookCsv(book: Gradebook): string {
  const items = book.assignment.items;
  const header = ['username', 'display_name', ...items.map((i) => i.title), 'automatic_total', 'override', 'total', 'max', 'as_of', 'graded_at', 'override_comment'];
  const lines = [header.map(csvField).join(',')];
  for (const s of book.students) {
    const g = s.grade;
    const cells: (string | number | null)[] = [
      s.username,
      s.displayName,
      ...items.map((i) => (g ? (g.items[i.key] ?? 0) : null)),
      g ? g.automaticScore : null,
      g?.override?.score ?? null,
      s.total,
      book.assignment.max,
      g ? g.asOf : null,
      g ? g.gradedAt : null,
      g?.override?.comment ?? null,
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
