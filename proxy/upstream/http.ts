import { Agent, type Dispatcher, errors } from 'undici';
import type { Upstream } from '../routing/upstreams.ts';
import { Exchange, type StopReason } from './exchange.ts';
import { UpstreamError } from './upstream-error.ts';

export interface UpstreamRequest {
  /** Appended to the upstream's base URL; built from catalog data, never from client input. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SendOptions {
  headersTimeout: number;
  bodyTimeout: number;
}

/** An error body is read up to this many bytes (an error page can be large); the rest is dropped. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** The proxy's one connection pool: keep-alive to every upstream, no redirects followed. */
export function createAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, connect: { timeout: 10_000 } });
}

const origins = new Map<string, { origin: string; basePath: string }>();

function split(baseUrl: string): { origin: string; basePath: string } {
  let parts = origins.get(baseUrl);
  if (!parts) {
    const url = new URL(baseUrl);
    parts = { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
    origins.set(baseUrl, parts);
  }
  return parts;
}

/** Sends one request; its `response` resolves at the headers, a transport failure rejects it (see transportError). */
export function send(agent: Dispatcher, upstream: Upstream, request: UpstreamRequest, options: SendOptions): Exchange {
  const { origin, basePath } = split(upstream.baseUrl);
  const exchange = new Exchange();
  agent.dispatch(
    {
      origin,
      path: basePath + request.path,
      method: 'POST',
      // The body is read as text: without this, any content coding would be acceptable (RFC 9110).
      headers: { ...request.headers, 'accept-encoding': 'identity' },
      body: request.body,
      headersTimeout: options.headersTimeout,
      bodyTimeout: options.bodyTimeout,
    },
    exchange,
  );
  return exchange;
}

/** What a thrown transport error means: a timeout, the client leaving (the proxy stopped it), or a broken connection. */
export function transportError(error: unknown, stopped: StopReason | undefined): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (stopped === 'timeout') return new UpstreamError('timeout', 'no answer within the attempt timeout');
  if (stopped === 'client_closed') return new UpstreamError('client_closed', 'the client closed the connection');
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.ConnectTimeoutError) {
    return new UpstreamError('timeout', 'no response headers in time');
  }
  if (error instanceof errors.BodyTimeoutError) return new UpstreamError('timeout', 'the response stalled');
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return new UpstreamError('connection', `connection failed${code ? ` (${code})` : ''}`);
}

export function authHeaders(upstream: Upstream, secret: string): Record<string, string> {
  return { [upstream.authHeader]: upstream.authScheme ? `${upstream.authScheme} ${secret}` : secret };
}
