import { createHash, timingSafeEqual } from 'node:crypto';
import type { H3Event } from 'h3';
import { ProxyError } from '../errors.ts';

const OPEN_PATHS = new Set(['/healthz']);

/**
 * Every route but /healthz wants "Authorization: Bearer <token>" with one of PROXY_API_KEYS,
 * compared in constant time (digests of equal length, so the length leaks nothing either).
 */
export function requireToken(tokens: string[]): (event: H3Event) => void {
  const digests = tokens.map(digest);
  return (event) => {
    if (OPEN_PATHS.has(event.url.pathname)) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(event.req.headers.get('authorization') ?? '');
    if (!match?.[1]) throw unauthorized('no API key: send "Authorization: Bearer <token>" with a token from PROXY_API_KEYS');
    const presented = digest(match[1]);
    if (!digests.some((known) => timingSafeEqual(known, presented))) throw unauthorized('invalid API key: the bearer token is not one of PROXY_API_KEYS');
  };
}

function unauthorized(message: string): ProxyError {
  return new ProxyError(message, { status: 401, type: 'invalid_request_error', code: 'invalid_api_key' });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
