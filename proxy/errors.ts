import type { z } from 'zod';

/**
 * The proxy's one error type towards clients, and the one place it becomes OpenAI's error JSON
 * ({ error: { message, type, param, code } }). Anything a handler throws that is not a ProxyError
 * is a bug: it is logged and answered as a 500 in the same shape, never with a stack trace.
 */

/** The `type` values OpenAI's API uses, plus nothing of our own, so every client knows them. */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'server_error';

export interface ProxyErrorInit {
  status: number;
  type: ErrorType;
  code?: string;
  param?: string;
  headers?: Record<string, string>;
}

export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(message: string, init: ProxyErrorInit) {
    super(message);
    this.status = init.status;
    this.type = init.type;
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.headers = init.headers ?? {};
  }
}

/** A problem with the configuration, found at start-up; main prints it and exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function invalidRequest(message: string, param?: string, code = 'invalid_request'): ProxyError {
  return new ProxyError(message, { status: 400, type: 'invalid_request_error', code, ...(param ? { param } : {}) });
}

/** The client went away before its answer: nobody reads the response, the log says so. */
export function clientClosed(): ProxyError {
  return new ProxyError('the client closed the connection', { status: 499, type: 'invalid_request_error', code: 'client_closed' });
}

/** A request that failed its schema: the first problem with the field path OpenAI calls `param`. */
export function fromIssues(issues: z.ZodError['issues']): ProxyError {
  const first = issues[0];
  const param = first?.path.map(String).join('.') ?? '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return invalidRequest(`${param || 'request'}: ${first?.message ?? 'invalid'}${more}`, param || undefined);
}

export function modelNotFound(message: string): ProxyError {
  return new ProxyError(message, { status: 404, type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
}

export function rateLimited(message: string, retryAt: number, now: number): ProxyError {
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return new ProxyError(message, {
    status: 429,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(seconds) },
  });
}

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The wire form of any error; `redact` scrubs secrets an upstream may have echoed into a message. */
export function toErrorBody(error: unknown, redact: (text: string) => string): { status: number; headers: Record<string, string>; body: ErrorBody } {
  if (error instanceof ProxyError) {
    return {
      status: error.status,
      headers: error.headers,
      body: { error: { message: redact(error.message), type: error.type, param: error.param, code: error.code } },
    };
  }
  return {
    status: 500,
    headers: {},
    body: { error: { message: 'internal error in the proxy; see its log', type: 'server_error', param: null, code: 'internal_error' } },
  };
}
