/**
 * Structured logs without personal data. Fields are primitives chosen at each call site: ids,
 * idempotency keys, statuses, durations, field paths. Never names, emails, phones, answers,
 * request bodies, client addresses or tokens.
 */
export type LogValue = string | number | boolean | null | undefined | readonly string[];
export type LogFields = Record<string, LogValue>;

export interface ReceiverLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** JSON lines: info to stdout, warnings and errors to stderr. */
export function jsonLogger(
  out: { write(line: string): unknown } = process.stdout,
  err: { write(line: string): unknown } = process.stderr,
): ReceiverLogger {
  const write = (level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    (level === 'info' ? out : err).write(`${line}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

export const silentLogger: ReceiverLogger = { info() {}, warn() {}, error() {} };
