import { type EventHandler, H3, type H3Event, type HTTPError, isPreflightRequest } from 'h3';
import { FastResponse } from 'srvx';
import { ProxyError, toErrorBody } from './errors.ts';
import { requireToken } from './http/auth.ts';
import { createCors } from './http/cors.ts';
import { infoOf } from './http/request-log.ts';
import { chatCompletions } from './routes/chat-completions.ts';
import { healthz } from './routes/healthz.ts';
import { metrics } from './routes/metrics.ts';
import { listModels, retrieveModel } from './routes/models.ts';
import { usage } from './routes/usage.ts';
import type { Services } from './services.ts';

/**
 * The proxy's h3 app: one handler per route, token auth, errors in OpenAI's shape. Serve it through
 * withRequestLog, which times and logs every request.
 */
export function createApp(services: Services): H3 {
  const cors = createCors(services.config.corsOrigins);
  const checkToken = services.config.clientKeys.length ? requireToken(services.config.clientKeys) : undefined;
  const app = new H3({
    silent: true,
    // One synchronous gate before routing (h3 middleware would add promise turns to every request).
    onRequest: (event) => {
      cors.check(event);
      // A browser's preflight carries no token.
      if (checkToken && !isPreflightRequest(event)) checkToken(event);
    },
    onError: (error, event) => errorResponse(services, error, event),
  });
  const routes: Array<['GET' | 'POST', string, EventHandler]> = [
    ['POST', '/v1/chat/completions', chatCompletions(services)],
    ['GET', '/v1/models', listModels(services)],
    ['GET', '/v1/models/**:id', retrieveModel(services)],
    ['GET', '/v1/usage', usage(services)],
    ['GET', '/healthz', healthz(services)],
    ['GET', '/metrics', metrics(services)],
  ];
  for (const [method, route, handler] of routes) {
    app.on(method, route, handler);
    // Load balancers probe with HEAD; h3 answers it without a body.
    if (method === 'GET') app.on('HEAD', route, handler);
  }
  for (const [method, route] of routes) {
    app.all(route, (event) => {
      const preflight = cors.preflight(event);
      if (preflight) return preflight;
      throw new ProxyError(`${event.req.method} is not allowed on ${event.url.pathname}; use ${method}`, {
        status: 405,
        type: 'invalid_request_error',
        code: 'method_not_allowed',
        headers: { allow: method === 'GET' ? 'GET, HEAD' : method },
      });
    });
  }
  return app;
}

const API_PATHS = ['/v1/chat/completions', '/v1/models', '/v1/usage'];

/** Where a client that missed an API path meant to go, as the usual base-URL mistakes make them. */
function hintFor(path: string, method: string): string {
  const isApi = (candidate: string) => API_PATHS.some((route) => candidate.startsWith(route));
  // A client configured with the server's root as its base URL.
  if (!path.startsWith('/v1/') && isApi(`/v1${path}`)) return `; the API is under /v1: ${method} /v1${path}`;
  // A base URL ending in a slash joined to a path starting with one, or typed in capitals.
  const tidy = path.replace(/\/{2,}/g, '/').replace(/^\/v1\//i, '/v1/');
  return tidy !== path && isApi(tidy) ? `; did you mean ${method} ${tidy}?` : '';
}

/** The one place any error becomes a response: OpenAI's error JSON, secrets redacted. */
function errorResponse(services: Services, error: HTTPError, event: H3Event): Response {
  const cause = error.cause instanceof ProxyError ? error.cause : fromH3(error, event);
  if (!(cause instanceof ProxyError)) {
    services.log.log('error', 'unhandled error', { path: event.url.pathname, error: error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause) });
  }
  const { status, headers, body } = toErrorBody(cause, services.log.redact);
  infoOf(event).error = body.error.code ?? body.error.type;
  // h3 adds the CORS headers to what handlers return, not to what onError returns: a page must read its errors too.
  const cors = event.req.headers.has('origin') ? Object.fromEntries(event.res.errHeaders) : {};
  return new FastResponse(JSON.stringify(body), { status, headers: { ...cors, ...headers, 'content-type': 'application/json' } });
}

/** h3's own errors (no route, a malformed URL) in our terms; anything else stays a bug (500). */
function fromH3(error: HTTPError, event: H3Event): unknown {
  if (error.unhandled) return error.cause;
  if (error.status === 404) {
    const path = event.url.pathname;
    return new ProxyError(`Invalid URL (${event.req.method} ${path})${hintFor(path, event.req.method)}`, { status: 404, type: 'invalid_request_error', code: 'unknown_url' });
  }
  return new ProxyError(error.message, { status: error.status, type: error.status >= 500 ? 'server_error' : 'invalid_request_error' });
}
