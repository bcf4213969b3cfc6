/**
 * Log lines in logfmt on stderr (or any sink), each passed through one redaction step that
 * replaces every configured secret, so a key can reach no log line, whatever an upstream echoes.
 */

export type LogSink = (line: string) => void;
export type Fields = Record<string, string | number | boolean | undefined>;
export type Level = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, msg: string, fields?: Fields): void;
  /** Logs a message at most once per key for the life of the process, e.g. a store that is down. */
  once(key: string, level: Level, msg: string, fields?: Fields): void;
  redact(text: string): string;
}

const REDACTED = '[redacted]';

/** Where lines go: a function given each line at once (already redacted), or stderr in batches. */
export type LogTarget = LogSink | 'stderr' | false;

/** How long a line may wait for others, and how many may wait, before they are written together. */
const FLUSH_MS = 10;
const FLUSH_LINES = 512;

interface Entry {
  time: number;
  level: Level;
  msg: string;
  fields: Fields | undefined;
}

/** The batches of every stderr logger, written out when the process exits. */
const batches = new Set<() => void>();
process.on('exit', flushLogs);

/** Writes every stderr line still waiting in its batch, e.g. before a line written directly. */
export function flushLogs(): void {
  for (const flush of batches) flush();
}

/**
 * Lines for stderr, formatted, redacted and written together every few milliseconds: stderr
 * writes are synchronous system calls, and formatting hundreds of lines in one go costs a fraction
 * of formatting each inside its request. Whatever is left is written when the process exits.
 */
function stderrBatch(redact: (text: string) => string): (entry: Entry) => void {
  let pending: Entry[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const lines = pending.map(format);
    pending = [];
    process.stderr.write(`${redact(lines.join('\n'))}\n`);
  };
  batches.add(flush);
  return (entry) => {
    pending.push(entry);
    if (pending.length >= FLUSH_LINES) flush();
    else timer ??= setTimeout(flush, FLUSH_MS).unref();
  };
}

/** A function that replaces every secret in a text; secrets are matched longest first. */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  if (!list.length) return (text) => text;
  const pattern = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/** A logger writing to `target`; `false` writes nothing at all. */
export function createLogger(target: LogTarget, redact: (text: string) => string, clock: () => number = Date.now): Logger {
  const seen = new Set<string>();
  const write = target === 'stderr' ? stderrBatch(redact) : target ? (entry: Entry) => target(redact(format(entry))) : undefined;
  const log = (level: Level, msg: string, fields?: Fields): void => {
    write?.({ time: clock(), level, msg, fields });
  };
  return {
    log,
    once(key, level, msg, fields) {
      if (seen.has(key)) return;
      seen.add(key);
      log(level, msg, fields);
    },
    redact,
  };
}

function format({ time, level, msg, fields }: Entry): string {
  const head = `time=${timestamp(time)} level=${level} msg=${formatValue(msg)}`;
  const rest = fields ? formatLine(fields) : '';
  return rest ? `${head} ${rest}` : head;
}

let stampedAt = Number.NaN;
let stamp = '';

/** The ISO time of a log line; lines come many to a millisecond under load, so each millisecond is formatted once. */
function timestamp(ms: number): string {
  if (ms !== stampedAt) {
    stampedAt = ms;
    stamp = new Date(ms).toISOString();
  }
  return stamp;
}

export function formatLine(fields: Fields): string {
  let line = '';
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? formatValue(value) : String(value);
    line = line ? `${line} ${key}=${text}` : `${key}=${text}`;
  }
  return line;
}

const BARE = /^[^\s"=\\]+$/;

function formatValue(value: string): string {
  if (value !== '' && BARE.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
