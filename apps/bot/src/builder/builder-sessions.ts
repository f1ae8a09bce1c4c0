// The choices of each open builder, kept in memory by a short id that its buttons and menus
// carry (a custom id holds only 100 characters, object names up to 253). A builder left for 15
// minutes, or lost with a restart, says so and asks to start again.
import type { BuilderVerb, NamedObject } from './builder-command';

export interface BuilderState {
  owner: string;
  verb?: BuilderVerb;
  resource?: string;
  /** The objects of the chosen type, listed once when the type was chosen. */
  objects?: NamedObject[];
  page: number;
  target?: NamedObject | 'all';
  touched: number;
}

const IDLE_MS = 15 * 60_000;
const MAX_OPEN = 5000;

export class BuilderSessions {
  private readonly open = new Map<string, BuilderState>();
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  create(owner: string): string {
    const id = (++this.seq).toString(36);
    this.open.set(id, { owner, page: 0, touched: this.now() });
    if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
    return id;
  }

  get(id: string, owner: string): BuilderState | undefined {
    const s = this.open.get(id);
    if (!s || s.owner !== owner || this.now() - s.touched > IDLE_MS) {
      this.open.delete(id);
      return undefined;
    }
    s.touched = this.now();
    return s;
  }

  close(id: string): void {
    this.open.delete(id);
  }
}
