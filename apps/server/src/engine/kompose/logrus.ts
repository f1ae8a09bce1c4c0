// kompose logs through logrus with a TextFormatter set in cmd/root.go's PersistentPreRun:
// DisableTimestamp and ForceColors. logrus colours when `ForceColors || (isTerminal && not
// Windows)` (EnvironmentOverrideColors is off, so CLICOLOR/CLICOLOR_FORCE change nothing), so the
// coloured layout is used whether or not stderr is a TTY, never the key=value one
// (`time="..." level=info msg="..."`): `\x1b[36mINFO\x1b[0m <message padded to 44> ` and a
// newline. Levels are truncated to 4 letters; one trailing newline of the message is dropped.

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'fatal';

export interface LogEntry {
  level: LogLevel;
  message: string;
}

const COLORS: Record<LogLevel, number> = { debug: 37, info: 36, warning: 33, error: 31, fatal: 31 };

/** one log line as kompose prints it on stderr (with its trailing newline) */
export function formatLogLine(entry: LogEntry): string {
  const level = entry.level.toUpperCase().slice(0, 4);
  const message = entry.message.endsWith('\n') ? entry.message.slice(0, -1) : entry.message;
  return `\x1b[${COLORS[entry.level]}m${level}\x1b[0m ${message.padEnd(44)} \n`;
}

/** collects log entries in order; `fatal` ends the run (see KomposeFatal) */
export class KomposeLog {
  readonly entries: LogEntry[] = [];
  info(message: string): void {
    this.entries.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.entries.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.entries.push({ level: 'error', message });
  }
  lines(): string[] {
    return this.entries.map(formatLogLine);
  }
}

/** log.Fatalf: the message is logged at FATA level and kompose exits with status 1 */
export class KomposeFatal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KomposeFatal';
  }
}
