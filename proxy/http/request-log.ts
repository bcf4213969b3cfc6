import type { H3, H3Event } from 'h3';
import type { ServerRequest } from 'srvx';
import type { Services } from '../services.ts';

/** What one request did, gathered while it runs and written as one log line when it ends. */
export interface RequestInfo {
  started: number;
  method: string;
  /** The path as the client sent it, without the query. */
  path: string;
  /** The route pattern h3 matched, for metrics with few label values. */
  route?: string;
  provider?: string;
  model?: string;
  stream?: boolean;
  failovers?: number;
  /** Time waiting on upstreams; the rest of the duration, less clientMs, is the proxy's own. */
  upstreamMs?: number;
  /** Time waiting for the client to send its body (a slow uploader is not the proxy's overhead). */
  clientMs?: number;
  /** A stream is logged when it ends, not when its headers go out. */
  deferred?: boolean;
  /** Time to the first byte of a stream: what its duration and overhead are measured against. */
  firstByteMs?: number;
  error?: string;
}

declare module 'h3' {
  interface H3EventContext {
    freeway?: RequestInfo;
  }
}

/**
 * The app's fetch handler, timed from before routing and logged once its response is ready (a
 * stream's when it ends). A wrapper rather than h3's onResponse hook, which adds promise turns to
 * every request, as a proxy's hot path feels.
 */
export function withRequestLog(app: H3, services: Services): (request: ServerRequest) => Promise<Response> {
  return async (request) => {
    const info: RequestInfo = { started: performance.now(), method: request.method, path: pathOf(request) };
    request.context = { freeway: info };
    const response = await app.fetch(request);
    info.route = (request.context as H3Event['context']).matchedRoute?.route;
    if (!info.deferred) logRequest(services, info, response.status);
    return response;
  };
}

function pathOf(request: ServerRequest): string {
  const target = request.runtime?.node?.req.url;
  if (target === undefined) return new URL(request.url).pathname;
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** The request's info; every request routed through withRequestLog has one. */
export function infoOf(event: H3Event): RequestInfo {
  let info = event.context.freeway;
  if (!info) {
    info = { started: performance.now(), method: event.req.method, path: event.url.pathname };
    event.context.freeway = info;
  }
  return info;
}

/** The one log line and the request metrics of a finished request. */
export function logRequest(services: Services, info: RequestInfo, status: number): void {
  const total = performance.now() - info.started;
  const measured = info.firstByteMs ?? total;
  const overhead = info.upstreamMs === undefined ? undefined : measured - info.upstreamMs - (info.clientMs ?? 0);
  services.metrics.request(info.route ?? 'unmatched', status, measured / 1000, overhead === undefined ? undefined : overhead / 1000);
  services.log.log(status >= 500 ? 'warn' : 'info', 'request', {
    method: info.method,
    path: info.path,
    status,
    provider: info.provider,
    model: info.model,
    stream: info.stream,
    failovers: info.failovers || undefined,
    duration_ms: round(total),
    first_byte_ms: info.firstByteMs === undefined ? undefined : round(info.firstByteMs),
    overhead_ms: overhead === undefined ? undefined : round(overhead),
    error: info.error,
  });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
