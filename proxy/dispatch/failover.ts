import { clientClosed, ProxyError, rateLimited } from '../errors.ts';
import type { Grant } from '../limits/limiter.ts';
import { readRateHeaders } from '../limits/rate-headers.ts';
import type { Route } from '../routing/router.ts';
import type { Target } from '../routing/table.ts';
import type { ApiKey } from '../routing/upstreams.ts';
import type { UpstreamError } from '../upstream/upstream-error.ts';
import { type Answer, attemptTarget, type Run } from './attempt.ts';
import { classify } from './classify.ts';

/** Less time than this left of the budget is none: no upstream answers that fast. */
const MIN_ATTEMPT_MS = 10;

export interface Success {
  target: Target;
  key: ApiKey;
  grant: Grant;
  answer: Answer;
  /** Each failed attempt before it, as "<target> <status or reason>". */
  failures: string[];
}

/**
 * Tries the planned targets in order and, within a target, its provider's keys in rotation,
 * skipping keys the limiter says are spent. Returns the first answer; when none comes, the 400 of
 * an uncertain target (it may lack what was asked, so the next one was tried), a 429 if everything
 * was rate-limited, a 504 if the time budget ran out, else a 502 naming every failure.
 */
export async function answerWithFailover(run: Run, { targets, uncertain }: Route, promptTokens: number): Promise<Success> {
  const { limiter, keys, health, metrics, usage, clock, config } = run.services;
  const failures: string[] = [];
  let rejection: ProxyError | undefined;
  let attempts = 0;
  let retryAt = Infinity;
  let onlyLimits = true;
  for (const target of targets) {
    const provider = target.upstream.id;
    for (const key of keys.ordered(target.upstream)) {
      if (attempts >= config.maxAttempts || budgetSpent(run)) return fail(run, failures, retryAt, onlyLimits, attempts, rejection);
      const pending = limiter.acquire(target, key, promptTokens);
      const acquired = pending instanceof Promise ? await pending : pending;
      if (!acquired.granted) {
        metrics.skipped(provider);
        retryAt = Math.min(retryAt, acquired.retryAt);
        continue;
      }
      attempts++;
      const started = performance.now();
      try {
        const answer = await attemptTarget(run, target, key);
        metrics.attempt(provider, '200', (performance.now() - started) / 1000);
        health.recordSuccess(target.id, answer.latencyMs);
        limiter.observe(target, key, readRateHeaders(answer.headers, clock()));
        return { target, key, grant: acquired.grant, answer, failures };
      } catch (error) {
        if (error instanceof ProxyError) throw error;
        const failure = error as UpstreamError;
        if (failure.reason === 'client_closed') throw clientClosed();
        metrics.attempt(provider, failure.label, (performance.now() - started) / 1000);
        usage.record(target, key, false, undefined);
        const verdict = classify(failure, target, limiter, clock());
        if (verdict.next === 'client') {
          if (!uncertain.has(target)) throw rejected(target, failure);
          rejection ??= rejected(target, failure);
          failures.push(`${target.id} ${describe(failure)}`);
          break;
        }
        metrics.failover(provider, failure.label);
        failures.push(`${target.id} ${describe(failure)}`);
        if (verdict.next === 'key') {
          await limiter.coolDown(target, key, verdict.scope, verdict.until);
          onlyLimits &&= verdict.rateLimited;
          if (verdict.rateLimited) retryAt = Math.min(retryAt, verdict.until);
          continue;
        }
        onlyLimits = false;
        if (verdict.failing) health.recordFailure(target.id);
        break;
      }
    }
  }
  return fail(run, failures, retryAt, onlyLimits, attempts, rejection);
}

/** The upstream refused the client's request itself (a 400): passed on with its status and message. */
function rejected(target: Target, failure: UpstreamError): ProxyError {
  return new ProxyError(`${target.id} rejected the request: ${failure.detail?.message ?? failure.message}`, {
    status: failure.status ?? 400,
    type: 'invalid_request_error',
    code: failure.detail?.code ?? 'upstream_rejected',
  });
}

function fail(run: Run, failures: string[], retryAt: number, onlyLimits: boolean, attempts: number, rejection: ProxyError | undefined): never {
  if (rejection) throw rejection;
  const { clock, config } = run.services;
  const tried = failures.length ? `; tried ${failures.join('; ')}` : '';
  if (budgetSpent(run)) {
    throw new ProxyError(`no provider answered within the ${config.timeouts.totalMs / 1000} s time budget${tried}`, { status: 504, type: 'server_error', code: 'timeout' });
  }
  if (onlyLimits && Number.isFinite(retryAt)) {
    const what = attempts ? 'every provider for this model is rate-limited' : 'every key for this model is at its free-tier limit or cooling down';
    throw rateLimited(`${what}; retry after ${new Date(retryAt).toISOString()}${tried}`, retryAt, clock());
  }
  const why = attempts >= config.maxAttempts ? `gave up after ${attempts} attempts (PROXY_MAX_ATTEMPTS)` : 'every provider failed';
  throw new ProxyError(`${why}${tried}`, { status: 502, type: 'server_error', code: 'upstream_unavailable' });
}

function budgetSpent(run: Run): boolean {
  return run.deadline - performance.now() < MIN_ATTEMPT_MS;
}

function describe(failure: UpstreamError): string {
  const message = failure.detail?.message ?? failure.message;
  return `(${failure.label}: ${message.length > 160 ? `${message.slice(0, 160)}...` : message})`;
}
