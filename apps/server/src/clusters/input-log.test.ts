// A shell session as its row stores it, and as the next command finds it again.
import { sessionFromRow, storedSession } from './input-log';
import { newShellSession } from '../engine/shell/session';

describe('stored shell sessions', () => {
  const row = (s: ReturnType<typeof storedSession>) => {
    const { env, cwd, host, history, ...rest } = s;
    return { env, cwd, host, history, shell: JSON.parse(JSON.stringify(rest)) as Record<string, unknown> };
  };

  it("keep which variables are the shell's own (not exported), and store nothing when there are none", () => {
    const session = { ...newShellSession(), unexported: { X: true as const } };
    session.env = { ...session.env, X: '1' };
    expect(sessionFromRow(row(storedSession(session))).unexported).toEqual({ X: true });
    // none: nothing stored
    expect('unexported' in row(storedSession(newShellSession())).shell).toBe(false);
  });

  it('keep the set options on, and the variables declared without a value', () => {
    const session = { ...newShellSession(), shellOptions: { errexit: true as const, pipefail: true as const }, declared: { D: true as const } };
    const back = sessionFromRow(row(storedSession(session)));
    expect([back.shellOptions, back.declared]).toEqual([{ errexit: true, pipefail: true }, { D: true }]);
    expect(['shellOptions', 'declared'].filter((k) => k in row(storedSession(newShellSession())).shell)).toEqual([]);
  });

  it('keep which variables are readonly, and store nothing when there are none', () => {
    const session = { ...newShellSession(), readonly: { R: true as const } };
    session.env = { ...session.env, R: '1' };
    expect(sessionFromRow(row(storedSession(session))).readonly).toEqual({ R: true });
    expect('readonly' in row(storedSession(newShellSession())).shell).toBe(false);
  });

});
