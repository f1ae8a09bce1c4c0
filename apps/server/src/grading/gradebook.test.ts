import { csvField, effectiveScore, gradebook, gradebookCsv, storedOverride } from './gradebook';

describe('gradebook export', () => {
  const book = gradebook(
    { id: 'a1', title: 'Exam', deadline: '2026-01-10T10:00:00.000Z', gradedAt: '2026-01-10T10:00:00.000Z', max: 3, items: [{ key: 'task:t1', title: 'Web, with "3" replicas', weight: 2 }, { key: 'lesson:pods', title: 'Pods', weight: 1 }] },
    [
      { username: 'ana', displayName: 'Ana', grade: { automaticScore: 3, max: 3, items: { 'task:t1': 2, 'lesson:pods': 1 }, trigger: 'deadline', asOf: '2026-01-10T10:00:00.000Z', gradedAt: '2026-01-10T10:00:00.000Z', override: null } },
      { username: 'bob', displayName: '=HYPERLINK("x")', grade: { automaticScore: 1, max: 3, items: { 'task:t1': 1 }, trigger: 'deadline', asOf: '2026-01-10T10:00:00.000Z', gradedAt: '2026-01-10T10:00:00.000Z', override: { score: 2.5, comment: 'pod was right, typo in name', by: 'teacher', at: '2026-01-11T08:00:00.000Z' } } },
      { username: 'cy', displayName: 'Cy', grade: null },
    ],
    '2026-01-12T00:00:00.000Z',
  );
  it('has one row per student, a column per item, the override and the total', () => {
    expect(gradebookCsv(book).split('\r\n')).toEqual([
      'username,display_name,"Web, with ""3"" replicas",Pods,automatic_total,override,total,max,as_of,graded_at,override_comment',
      'ana,Ana,2,1,3,,3,3,2026-01-10T10:00:00.000Z,2026-01-10T10:00:00.000Z,',
      `bob,"'=HYPERLINK(""x"")",1,0,1,2.5,2.5,3,2026-01-10T10:00:00.000Z,2026-01-10T10:00:00.000Z,"pod was right, typo in name"`,
      'cy,Cy,,,,,,3,,,',
      '',
    ]);
  });
  it('JSON keeps the automatic score beside the override', () => {
    expect(book.students.map((s) => s.total)).toEqual([3, 2.5, null]);
    expect(book.students[1].grade!.automaticScore).toBe(1);
  });
  it('defuses formulas only in text', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@x')).toBe("'@x");
  });
});

describe('the score that counts', () => {
  it('is the override when it gives a score, else the automatic score', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(effectiveScore(7.5, storedOverride({ overrideAt: at, overrideScore: 9, overrideComment: 'regraded' }))).toBe(9);
    // an override with only a comment keeps the automatic score
    expect(effectiveScore(7.5, storedOverride({ overrideAt: at, overrideScore: null, overrideComment: 'seen' }))).toBe(7.5);
    expect(effectiveScore(7.5, storedOverride({ overrideAt: null, overrideScore: null, overrideComment: null }))).toBe(7.5);
    expect(storedOverride({ overrideAt: at, overrideScore: 0, overrideComment: null })).toEqual({ score: 0, comment: '', at: '2026-03-01T10:00:00.000Z' });
    expect(effectiveScore(7.5, storedOverride({ overrideAt: at, overrideScore: 0, overrideComment: null }))).toBe(0);
  });
});
