import OpenAI from 'openai';
import { afterAll, expect } from 'vitest';
import { type RunningProxy, startProxy } from '../../../proxy/server.ts';
import type { Catalog } from '../../../schemas/index.ts';

/** Every log line of every proxy a test file starts, and every secret those proxies were given. */
const captured: string[] = [];
const secrets = new Set<string>();

/** Mid-day UTC: no minute, hour or day window turns over unless a test moves the clock. */
export const NOON = Date.UTC(2026, 10, 21, 12, 0, 0);

/** Fast timeouts, so fault tests take milliseconds, not minutes. */
export const FAST: Record<string, string> = {
  PROXY_TIMEOUT_MS: '4000',
  PROXY_ATTEMPT_TIMEOUT_MS: '600',
  PROXY_ANSWER_TIMEOUT_MS: '600',
  PROXY_STALL_TIMEOUT_MS: '400',
};

export interface TestProxy {
  proxy: RunningProxy;
  url: string;
  clock: { now: number };
  logs: string[];
  /** The official openai SDK pointed at the proxy, without its own retries. */
  client(apiKey?: string): OpenAI;
  /** A raw request, for what the SDK will not send. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Keeps a log line (of a spawned proxy, or one started without this harness) for the secrets check. */
export function capture(line: string): void {
  captured.push(line);
}

/** Remembers values that must never reach a log (provider keys, client tokens). */
export function secret<T extends string>(value: T): T {
  secrets.add(value);
  return value;
}

export async function startTestProxy(catalog: Catalog, env: Record<string, string>, options: { now?: number; port?: number } = {}): Promise<TestProxy> {
  for (const [name, value] of Object.entries(env)) if (/_KEYS?$/.test(name)) for (const v of value.split(',')) secrets.add(v);
  const clock = { now: options.now ?? NOON };
  const logs: string[] = [];
  const proxy = await startProxy({
    env: { ...FAST, ...env },
    host: '127.0.0.1',
    port: options.port ?? 0,
    catalog,
    clock: () => clock.now,
    log: (line) => {
      logs.push(line);
      captured.push(line);
    },
  });
  const token = env.PROXY_API_KEYS?.split(',')[0];
  return {
    proxy,
    url: proxy.url,
    clock,
    logs,
    client: (apiKey = token ?? 'no-auth-configured') => new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey, maxRetries: 0, timeout: 20_000 }),
    fetch: (path, init = {}) =>
      fetch(`${proxy.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) } }),
    close: () => proxy.close(),
  };
}

/** Registers the check that no log line of this file's proxies holds any key or token they were given. */
export function checkLogsHoldNoSecrets(): void {
  afterAll(() => {
    expect(captured.length).toBeGreaterThan(0);
    const leaks = [...secrets].filter((value) => captured.some((line) => line.includes(value)));
    expect(leaks).toEqual([]);
  });
}

export function userMessage(content = 'Say hello'): Array<{ role: 'user'; content: string }> {
  return [{ role: 'user', content }];
}
