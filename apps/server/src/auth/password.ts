// Password hashing with bcrypt (bcryptjs: pure JavaScript, nothing to compile or download).
// bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut.
import bcrypt from 'bcryptjs';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string | null): Promise<boolean>;
}

/** A problem with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `must be at most ${PASSWORD_MAX_BYTES} bytes`;
  return undefined;
}

export class BcryptHasher implements PasswordHasher {
  /** A hash to compare against when the user does not exist, so both paths take as long. */
  private readonly dummy: string;

  constructor(private readonly cost: number) {
    this.dummy = bcrypt.hashSync('not-a-real-password', cost);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cost);
  }

  async verify(password: string, hash: string | null): Promise<boolean> {
    const ok = await bcrypt.compare(password, hash ?? this.dummy);
    return ok && hash !== null;
  }
}
