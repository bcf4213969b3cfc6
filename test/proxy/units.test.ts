import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs, readQuotaText, readRateHeaders, resetTime } from '../../proxy/limits/rate-headers.ts';
import { rulesFor } from '../../proxy/limits/rules.ts';
import { windowBounds } from '../../proxy/limits/windows.ts';
import { createRedactor, formatLine } from '../../proxy/log.ts';
import { readConfig } from '../../proxy/config.ts';
import { readSse } from '../../proxy/upstream/sse.ts';
import { UpstreamError } from '../../proxy/upstream/upstream-error.ts';
import type { RateLimit } from '../../schemas/index.ts';
import { REPO_ROOT } from '../support/fixtures.ts';

async function* pieces(...texts: string[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) yield new TextEncoder().encode(text);
}

async function events(...texts: string[]) {
  const out = [];
  for await (const message of readSse(pieces(...texts))) out.push(message);
  return out;
}

describe('the SSE parser', () => {
  it('reads events split anywhere, with LF, CRLF or CR line ends, multi-line data, names and comments', async () => {
    expect(await events('data: {"a"', ':1}\n\n: keep-alive\n\nevent: error\r\ndata: x\r\ndata: y\r\n\r', '\ndata:z\r\rdata: [DONE]\n\n')).toEqual([
      { event: undefined, data: '{"a":1}' },
      { event: 'error', data: 'x\ny' },
      { event: undefined, data: 'z' },
      { event: undefined, data: '[DONE]' },
    ]);
  });

  it('keeps a last event that lacks its blank line, and splits multi-byte characters safely', async () => {
    const bytes = new TextEncoder().encode('data: héllo\n\ndata: end');
    expect(await events(new TextDecoder().decode(bytes.slice(0, 8)), new TextDecoder().decode(bytes.slice(8)))).toHaveLength(2);
    const out = [];
    for await (const message of readSse((async function* () {
      yield bytes.slice(0, 8);
      yield bytes.slice(8);
    })())) out.push(message.data);
    expect(out).toEqual(['héllo', 'end']);
  });

  it('reads a line that arrives in many small chunks, even one ending in CR before its LF', async () => {
    const long = 'x'.repeat(10_000);
    const chunks = `data: ${long}\r`.match(/[\s\S]{1,7}/g) ?? [];
    expect(await events(...chunks, '\n', '\r\n', 'data: b\n\n')).toEqual([
      { event: undefined, data: long },
      { event: undefined, data: 'b' },
    ]);
  });

  it('fails on an event larger than its limit, one endless line or data lines without end, after the events before it', async () => {
    const read = async (...texts: string[]) => {
      const out: string[] = [];
      const error = await (async () => {
        for await (const message of readSse(pieces(...texts), 100)) out.push(message.data);
      })().catch((e: unknown) => e);
      return { out, error };
    };
    const endless = await read('data: small\n\n', 'data: ', ...Array<string>(30).fill('y'.repeat(10)));
    expect(endless.out).toEqual(['small']);
    expect(endless.error).toBeInstanceOf(UpstreamError);
    expect((endless.error as UpstreamError).message).toBe('a stream event is larger than 100 characters');
    const unended = await read(...Array<string>(30).fill('data: zzzzzz\n'));
    expect(unended.error).toBeInstanceOf(UpstreamError);
    expect(await read(...Array<string>(30).fill('data: zzzzzz\n\n'))).toEqual({ out: Array<string>(30).fill('zzzzzz'), error: undefined });
  });
});

describe('rate-limit hints', () => {
  const now = Date.UTC(2026, 10, 21, 12);

  it('reads the durations providers write', () => {
    expect(['1m26.4s', '2m59.56s', '7.66s', '120ms', '1h2m3s', '20s', '6m0s'].map(durationMs)).toEqual([86_400, 179_560, 7_660, 120, 3_723_000, 20_000, 360_000]);
    expect(durationMs('12')).toBeUndefined();
    expect(durationMs('soon')).toBeUndefined();
  });

  it('reads a reset as a duration, seconds from now, epoch seconds or epoch milliseconds', () => {
    expect(resetTime('30s', now)).toBe(now + 30_000);
    expect(resetTime('30', now)).toBe(now + 30_000);
    expect(resetTime(String(now / 1000 + 60), now)).toBe(now + 60_000);
    expect(resetTime(String(now + 5_000), now)).toBe(now + 5_000);
  });

  it('reads OpenAI-style, OpenRouter-style and Retry-After headers', () => {
    const headers = readRateHeaders(
      { 'x-ratelimit-limit-requests': '1000', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m', 'x-ratelimit-remaining-tokens': '500', 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' },
      now,
    );
    expect(headers).toEqual({ requests: { limit: 1000, remaining: 0, resetAt: now + 60_000 }, tokens: { limit: undefined, remaining: 500, resetAt: undefined }, retryAt: now + 30_000 });
    expect(readRateHeaders({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(now + 1000) }, now).requests).toEqual({ limit: 50, remaining: 3, resetAt: now + 1000 });
  });

  it('tells a daily quota and a retry time from an error message', () => {
    expect(readQuotaText('Rate limit reached on requests per day (RPD). Please try again in 1m26.4s.', now)).toEqual({ retryAt: now + 86_400, daily: true });
    expect(readQuotaText('Rate limit exceeded: free-models-per-day', now)).toEqual({ retryAt: undefined, daily: true });
    expect(readQuotaText('Too many requests per minute', now)).toEqual({ retryAt: undefined, daily: false });
  });
});

describe('limit windows', () => {
  const at = Date.UTC(2026, 10, 21, 12, 34, 56, 789);

  it('are fixed windows: second, minute, hour, day, Monday weeks, calendar months, and lifetime', () => {
    expect(windowBounds('minute', at)).toEqual({ start: Date.UTC(2026, 10, 21, 12, 34), end: Date.UTC(2026, 10, 21, 12, 35) });
    expect(windowBounds('day', at)).toEqual({ start: Date.UTC(2026, 10, 21), end: Date.UTC(2026, 10, 22) });
    expect(windowBounds('week', at)).toEqual({ start: Date.UTC(2026, 10, 16), end: Date.UTC(2026, 10, 23) });
    expect(windowBounds('month', at)).toEqual({ start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) });
    expect(windowBounds('lifetime', at)).toEqual({ start: 0, end: Infinity });
  });

  it('start days at midnight in a provider’s zone, summer time included', () => {
    expect(windowBounds('day', at, 'America/Los_Angeles')).toEqual({ start: Date.UTC(2026, 10, 21, 8), end: Date.UTC(2026, 10, 22, 8) });
    expect(windowBounds('day', Date.UTC(2026, 6, 1, 3), 'America/Los_Angeles')).toEqual({ start: Date.UTC(2026, 5, 30, 7), end: Date.UTC(2026, 6, 1, 7) });
  });
});

describe('limit rules from the catalog', () => {
  const source = { url: 'https://example.com', method: 'docs' as const, checked: '2026-11-21' };
  const limit = (metric: RateLimit['metric'], window: RateLimit['window'], value: number, scope: RateLimit['scope'], condition?: string): RateLimit => ({
    metric,
    window,
    value,
    scope,
    ...(condition ? { condition } : {}),
    source,
  });

  it('counts per model, account or shared pool; leaves out conditions, neurons and usd; keeps the tighter of two', () => {
    const rules = rulesFor(
      'm-1',
      [limit('requests', 'minute', 30, 'model'), limit('requests', 'day', 50, 'shared', 'until 10 credits are bought')],
      [limit('requests', 'minute', 20, 'model'), limit('tokens', 'day', 1e6, 'account'), limit('neurons', 'day', 10_000, 'account'), limit('usd', 'month', 5, 'account')],
    );
    expect(rules).toEqual([
      { metric: 'requests', window: 'minute', value: 20, scope: 'm:m-1' },
      { metric: 'tokens', window: 'day', value: 1e6, scope: 'a' },
    ]);
  });
});

describe('log lines', () => {
  it('are logfmt, with every secret redacted, longest first', () => {
    const redact = createRedactor(['sk-abc', 'sk-abcdef']);
    expect(redact(formatLine({ msg: 'said "sk-abcdef" and sk-abc', n: 1, skip: undefined }))).toBe('msg="said \\"[redacted]\\" and [redacted]" n=1');
  });
  it('go to stderr in batches, redacted, in order, all of them written when the process exits', () => {
    const script = `
      import { createLogger, createRedactor } from ${JSON.stringify(join(REPO_ROOT, 'proxy', 'log.ts'))};
      const log = createLogger('stderr', createRedactor(['sk-batch-secret-0123456789']), () => Date.UTC(2026, 10, 21));
      for (let i = 0; i < 1300; i++) log.log('info', 'line', { n: i, echo: 'upstream said sk-batch-secret-0123456789' });
      process.exit(0);`;
    const { stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1300);
    expect(lines[0]).toBe('time=2026-11-21T00:00:00.000Z level=info msg=line n=0 echo="upstream said [redacted]"');
    expect(lines.map((line) => Number(/ n=(\d+)/.exec(line)?.[1]))).toEqual([...Array(1300).keys()]);
    expect(stderr).not.toContain('sk-batch-secret');
  });
});

describe('numeric settings', () => {
  it('name the variable and say what it wants', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow('PORT=abc: must be a number');
    expect(() => readConfig({ PORT: '99999' })).toThrow('PORT=99999: must be a port number, 0-65535');
    expect(() => readConfig({ PORT: '80.5' })).toThrow('PORT=80.5: must be a whole number');
    expect(() => readConfig({ PROXY_TIMEOUT_MS: '-5' })).toThrow('PROXY_TIMEOUT_MS=-5: must be a whole number above 0');
    expect(readConfig({ PORT: ' 9000 ', PROXY_TIMEOUT_MS: '' })).toMatchObject({ port: 9000, timeouts: { totalMs: 600_000 } });
  });
});
