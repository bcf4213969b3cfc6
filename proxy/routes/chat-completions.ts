import type { H3Event } from 'h3';
import { FastResponse } from 'srvx';
import { clientLeft, createRun } from '../dispatch/attempt.ts';
import { answerWithFailover, type Success } from '../dispatch/failover.ts';
import { relayStream, type StreamEnd } from '../dispatch/relay.ts';
import { fromIssues } from '../errors.ts';
import { parseJsonBody, readBodyText } from '../http/body.ts';
import { whenClientGone } from '../http/client-gone.ts';
import { infoOf, logRequest, type RequestInfo } from '../http/request-log.ts';
import type { Usage } from '../limits/limiter.ts';
import { ChatRequest } from '../request-schema.ts';
import { needsOf } from '../routing/needs.ts';
import { planRoute } from '../routing/router.ts';
import type { Services } from '../services.ts';

/** POST /v1/chat/completions: validate, plan the route, fail over until an answer, relay it. */
export function chatCompletions(services: Services) {
  return async (event: H3Event): Promise<Response> => {
    const info = infoOf(event);
    const waited = performance.now();
    const text = await readBodyText(event, services.config.bodyLimitBytes);
    info.clientMs = performance.now() - waited;
    const parsed = ChatRequest.safeParse(parseJsonBody(text));
    if (!parsed.success) throw fromIssues(parsed.error.issues);
    const request = parsed.data;
    const needs = needsOf(request);
    const route = planRoute({ request, needs, table: services.table(), chains: services.chains, health: services.health });
    const run = createRun(services, request, info.started + services.config.timeouts.totalMs);
    whenClientGone(event, () => clientLeft(run));
    info.stream = run.stream;
    let success: Success;
    try {
      success = await answerWithFailover(run, route, needs.promptTokens);
    } finally {
      info.upstreamMs = run.upstreamMs;
    }
    const { target, answer } = success;
    info.provider = target.upstream.id;
    info.model = target.id;
    info.failovers = success.failures.length;
    const headers: Record<string, string> = {
      'x-freeway-provider': target.upstream.id,
      'x-freeway-model': target.id,
      'x-freeway-attempts': String(success.failures.length + 1),
    };
    if (answer.kind === 'completion') {
      settle(services, success, true, answer.completion.usage);
      return new FastResponse(JSON.stringify(answer.completion.body), { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
    }
    info.deferred = true;
    info.route = event.context.matchedRoute?.route;
    info.firstByteMs = performance.now() - info.started;
    const body = relayStream(answer, {
      includeUsage: request.stream_options?.include_usage === true,
      model: target.id,
      redact: services.log.redact,
      onEnd: (end) => endStream(services, info, success, end),
    });
    return new FastResponse(body, {
      status: 200,
      headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
    });
  };
}

function endStream(services: Services, info: RequestInfo, success: Success, end: StreamEnd): void {
  if (end.failure) {
    services.metrics.streamError(success.target.upstream.id);
    services.health.recordFailure(success.target.id);
    info.error = `stream_${end.failure.label}`;
  } else if (end.clientClosed) info.error = 'client_closed';
  settle(services, success, end.failure === undefined, end.usage);
  logRequest(services, info, 200);
}

/** Counts the finished answer: usage, token counters, token metrics. */
function settle(services: Services, { target, key, grant }: Success, ok: boolean, usage: Usage | undefined): void {
  services.usage.record(target, key, ok, usage);
  services.limiter.settle(grant, usage);
  if (usage) services.metrics.usage(target.upstream.id, target.id, usage.prompt, usage.completion);
}
