import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { type CorsOrigins, LOOPBACK_ORIGINS } from './http/cors.ts';

export type Env = Record<string, string | undefined>;

export interface Timeouts {
  /** The whole request, until the answer is committed to the client. */
  totalMs: number;
  /**
   * One upstream attempt: streaming, until its first content; otherwise until the whole answer,
   * which an upstream sends only once it has generated it, so a long answer needs minutes.
   */
  attemptMs: { stream: number; whole: number };
  /** Longest silence between two pieces of an upstream body. */
  stallMs: number;
}

export interface ProxyConfig {
  host: string;
  port: number;
  /** A catalog directory or the URL of a published catalog.json. */
  catalog: string;
  catalogRefreshMs: number;
  /** Bearer tokens clients must present; empty means no auth (loopback only). */
  clientKeys: string[];
  /** Web pages allowed to call the API from a browser (PROXY_CORS_ORIGINS, plus this machine's own). */
  corsOrigins: CorsOrigins;
  redisUrl: string | undefined;
  redisPrefix: string;
  fallbacksFile: string | undefined;
  timeouts: Timeouts;
  maxAttempts: number;
  bodyLimitBytes: number;
  /** Largest upstream answer read whole (not streamed); a bigger one is a failed attempt. */
  answerLimitBytes: number;
  /** Every variable, for the provider keys and base URLs. */
  env: Env;
}

export const BUNDLED_CATALOG = fileURLToPath(new URL('../catalog', import.meta.url));

// Each check says what it wants: a message given to the number itself would answer for all of them.
const Whole = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' });
const Port = Whole.min(0, { error: 'must be a port number, 0-65535' }).max(65535, { error: 'must be a port number, 0-65535' });
const Positive = Whole.positive({ error: 'must be a whole number above 0' });
const Seconds = z.coerce.number({ error: 'must be a number' }).positive();

/** The proxy's settings from environment variables; anything malformed is a ConfigError naming the variable. */
export function readConfig(env: Env): ProxyConfig {
  const clientKeys = splitList(env.PROXY_API_KEYS);
  const config: ProxyConfig = {
    host: env.HOST?.trim() || '127.0.0.1',
    port: read(env, 'PORT', Port, 8787),
    catalog: env.CATALOG?.trim() || BUNDLED_CATALOG,
    catalogRefreshMs: read(env, 'CATALOG_REFRESH_SECONDS', Seconds, 3600) * 1000,
    clientKeys,
    corsOrigins: readOrigins(env.PROXY_CORS_ORIGINS),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisPrefix: env.REDIS_PREFIX?.trim() || 'freeway:',
    fallbacksFile: env.PROXY_FALLBACKS?.trim() || undefined,
    timeouts: {
      // The openai SDK's own default: a client waits this long anyway.
      totalMs: read(env, 'PROXY_TIMEOUT_MS', Positive, 600_000),
      attemptMs: {
        stream: read(env, 'PROXY_ATTEMPT_TIMEOUT_MS', Positive, 60_000),
        whole: read(env, 'PROXY_ANSWER_TIMEOUT_MS', Positive, 300_000),
      },
      stallMs: read(env, 'PROXY_STALL_TIMEOUT_MS', Positive, 30_000),
    },
    maxAttempts: read(env, 'PROXY_MAX_ATTEMPTS', Positive, 8),
    bodyLimitBytes: read(env, 'PROXY_BODY_LIMIT_BYTES', Positive, 8 * 1024 * 1024),
    answerLimitBytes: read(env, 'PROXY_ANSWER_LIMIT_BYTES', Positive, 32 * 1024 * 1024),
    env,
  };
  if (!clientKeys.length && !isLoopback(config.host)) {
    throw new ConfigError(
      `refusing to listen on ${config.host} without client authentication: set PROXY_API_KEYS=<token>[,<token>...] ` +
        '(clients then send "Authorization: Bearer <token>"), or listen on loopback with HOST=127.0.0.1',
    );
  }
  return config;
}

/** Comma-separated values, trimmed, without empties or repeats. */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
}

/** `*`, or origins (scheme://host[:port], or "null") allowed besides this machine's own pages. */
function readOrigins(value: string | undefined): CorsOrigins {
  const listed = splitList(value);
  if (listed.includes('*')) return '*';
  for (const origin of listed) {
    if (origin !== 'null' && (!URL.canParse(origin) || new URL(origin).origin !== origin)) {
      throw new ConfigError(`PROXY_CORS_ORIGINS: "${origin}" is not an origin; write scheme://host[:port], e.g. https://chat.example.com, or * for any page`);
    }
  }
  return [...LOOPBACK_ORIGINS, ...listed];
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}

function read<T extends z.ZodType<number>>(env: Env, name: string, schema: T, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${name}=${raw}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
