import { inHistory, presentHistory } from './history';

describe('presentHistory', () => {
  it('is everything when the cluster was never reset or restored', () => {
    const h = presentHistory([], 7);
    expect(h).toEqual([{ fromVersion: 0, toVersion: 7 }]);
    expect(inHistory(h, 3, 1000)).toBe(true);
    expect(inHistory(h, 8, 1000)).toBe(false);
  });

  it('starts again at a reset', () => {
    const h = presentHistory([{ seq: 5, kind: 'reset' }], 9);
    expect(h).toEqual([{ fromVersion: 5, toVersion: 9 }]);
    expect(inHistory(h, 4, 0)).toBe(false);
    expect(inHistory(h, 5, 0)).toBe(true);
  });

  it('after a restore, keeps what led to the snapshot up to its time, and drops what came after it', () => {
    // snapshot taken at version 3, time 300; inputs 4..6 then restore at 7; then 8, 9
    const h = presentHistory([{ seq: 7, kind: 'restore', snapshotVersion: 3, snapshotAt: 300 }], 9);
    expect(h).toEqual([{ fromVersion: 7, toVersion: 9 }, { fromVersion: 0, toVersion: 3, toAt: 300 }]);
    expect(inHistory(h, 2, 250)).toBe(true);
    expect(inHistory(h, 3, 300)).toBe(true);
    // a timed transition recorded at version 3 after the snapshot was taken
    expect(inHistory(h, 3, 301)).toBe(false);
    expect(inHistory(h, 5, 400)).toBe(false);
    expect(inHistory(h, 7, 500)).toBe(true);
  });

  it('follows restores back through earlier restores and stops at a reset', () => {
    const h = presentHistory(
      [
        { seq: 2, kind: 'reset' },
        { seq: 6, kind: 'restore', snapshotVersion: 4, snapshotAt: 40 },
        { seq: 10, kind: 'restore', snapshotVersion: 8, snapshotAt: 80 },
      ],
      12,
    );
    expect(h).toEqual([
      { fromVersion: 10, toVersion: 12 },
      { fromVersion: 6, toVersion: 8, toAt: 80 },
      { fromVersion: 2, toVersion: 4, toAt: 40 },
    ]);
    expect(inHistory(h, 5, 45)).toBe(false);
    expect(inHistory(h, 9, 90)).toBe(false);
    expect(inHistory(h, 1, 10)).toBe(false);
  });

  it('keeps only what followed a restore whose snapshot is gone', () => {
    expect(presentHistory([{ seq: 4, kind: 'restore' }], 6)).toEqual([{ fromVersion: 4, toVersion: 6 }]);
  });
});
