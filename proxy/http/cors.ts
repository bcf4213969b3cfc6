import { appendCorsHeaders, appendCorsPreflightHeaders, type CorsOptions, type H3Event, type HTTPResponse, isCorsOriginAllowed, isPreflightRequest, noContent } from 'h3';
import { ProxyError } from '../errors.ts';

/** Which web pages may call the API: every origin, or these (exact strings, anchored patterns). */
export type CorsOrigins = '*' | Array<string | RegExp>;

/** Pages served from this machine, on any port: a local chat UI works without configuration. */
export const LOOPBACK_ORIGINS: CorsOrigins = [/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/];

/** What a browser may read of an answer besides the safelisted headers. */
const EXPOSED = ['x-freeway-provider', 'x-freeway-model', 'x-freeway-attempts', 'retry-after'];

export interface Cors {
  /**
   * Before routing: a page of an allowed origin gets readable answers; a page of any other origin
   * is refused with a 403 before anything runs, because a cross-site form post needs no preflight
   * and would otherwise spend the keys' quota from a visitor's browser. Requests without an Origin
   * header (SDKs, curl, servers) are not concerned.
   */
  check(event: H3Event): void;
  /** The answer to a browser's preflight, or undefined when the request is not one. */
  preflight(event: H3Event): HTTPResponse | undefined;
}

/** CORS as plain calls rather than h3 middleware, whose chain every request would pay for. */
export function createCors(origins: CorsOrigins): Cors {
  const options: CorsOptions = { origin: origins, methods: ['GET', 'HEAD', 'POST'], exposeHeaders: EXPOSED, maxAge: '600' };
  return {
    check(event) {
      const origin = event.req.headers.get('origin');
      if (origin === null) return;
      if (!isCorsOriginAllowed(origin, options)) {
        throw new ProxyError(`requests from web pages of ${origin} are not allowed: add the origin to PROXY_CORS_ORIGINS`, {
          status: 403,
          type: 'invalid_request_error',
          code: 'origin_not_allowed',
        });
      }
      if (!isPreflightRequest(event)) appendCorsHeaders(event, options);
    },
    preflight(event) {
      if (!isPreflightRequest(event)) return undefined;
      appendCorsPreflightHeaders(event, options);
      return noContent(204);
    },
  };
}
