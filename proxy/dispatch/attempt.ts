import type { ChatRequest } from '../request-schema.ts';
import type { Target } from '../routing/table.ts';
import type { ApiKey } from '../routing/upstreams.ts';
import type { Services } from '../services.ts';
import { adapterFor, type Completion, type StreamChunk } from '../upstream/adapter.ts';
import type { Exchange } from '../upstream/exchange.ts';
import { ERROR_BODY_LIMIT, send, transportError } from '../upstream/http.ts';
import type { HeaderMap } from '../limits/rate-headers.ts';
import { UpstreamError } from '../upstream/upstream-error.ts';
import { completionChunks } from './completion-chunks.ts';

/** Events held back before a stream's first content; an upstream sending more without content is broken. */
const HEAD_LIMIT = 1000;

/** One client request as the dispatcher carries it across attempts. */
export interface Run {
  services: Services;
  request: ChatRequest;
  stream: boolean;
  /** Set when the client went away; see clientLeft. */
  clientGone: boolean;
  /** performance.now() by which an answer must be committed. */
  deadline: number;
  /** Time spent waiting on upstreams, summed over attempts: total minus this is the proxy's overhead. */
  upstreamMs: number;
  /** The attempt in flight, which the client leaving stops. */
  attempt: Exchange | undefined;
}

/** A run for one client request. */
export function createRun(services: Services, request: ChatRequest, deadline: number): Run {
  return { services, request, stream: request.stream === true, clientGone: false, deadline, upstreamMs: 0, attempt: undefined };
}

/** The client went away: whichever attempt is in flight stops, and no other starts. */
export function clientLeft(run: Run): void {
  run.clientGone = true;
  run.attempt?.stop('client_closed');
}

export interface CompletionAnswer {
  kind: 'completion';
  completion: Completion;
  headers: HeaderMap;
  latencyMs: number;
}

export interface StreamAnswer {
  kind: 'stream';
  /** The chunks up to and including the first real content. */
  head: StreamChunk[];
  rest: AsyncIterator<StreamChunk>;
  /** Aborts the upstream request (the client left). */
  stop(): void;
  /** What an error thrown by `rest` means. */
  explain(error: unknown): UpstreamError;
  headers: HeaderMap;
  latencyMs: number;
}

export type Answer = CompletionAnswer | StreamAnswer;

/**
 * One attempt at one target with one key. It succeeds with a whole completion, or with a stream
 * whose first real content has arrived; anything before that (a status, a timeout, an error inside
 * a 200, an empty stream) throws an UpstreamError and the client sees none of it.
 */
export async function attemptTarget(run: Run, target: Target, key: ApiKey): Promise<Answer> {
  const { agent, config, clock } = run.services;
  const adapter = adapterFor(target.upstream.shape);
  const outgoing = adapter.toRequest(target, key, run.request, run.stream);
  const attemptMs = run.stream ? config.timeouts.attemptMs.stream : config.timeouts.attemptMs.whole;
  const limit = Math.max(1, Math.min(attemptMs, run.deadline - performance.now()));
  if (run.clientGone) throw new UpstreamError('client_closed', 'the client closed the connection');
  const started = performance.now();
  const exchange = send(agent, target.upstream, outgoing, { headersTimeout: limit, bodyTimeout: config.timeouts.stallMs });
  run.attempt = exchange;
  const timer = setTimeout(() => exchange.stop('timeout'), limit);
  let waiting = true;
  const doneWaiting = () => {
    if (!waiting) return;
    waiting = false;
    clearTimeout(timer);
    run.upstreamMs += performance.now() - started;
  };
  try {
    const response = await exchange.response;
    const headers = response.headers;
    if (response.statusCode < 200 || response.statusCode > 299) {
      const detail = adapter.readError(await response.text(ERROR_BODY_LIMIT), clock());
      throw new UpstreamError('status', `HTTP ${response.statusCode}`, { status: response.statusCode, detail, headers });
    }
    if (!run.stream || isJson(headers)) {
      // One byte past the limit tells a body at the limit from a bigger one.
      const text = await response.text(config.answerLimitBytes + 1);
      doneWaiting();
      if (response.received > config.answerLimitBytes) {
        throw new UpstreamError('invalid_response', `the answer is larger than ${config.answerLimitBytes} bytes (PROXY_ANSWER_LIMIT_BYTES)`);
      }
      const completion = adapter.readCompletion(text, target, clock);
      const latencyMs = performance.now() - started;
      if (!run.stream) return { kind: 'completion', completion, headers, latencyMs };
      // The upstream ignored `stream: true` and sent the whole answer: the client still gets a stream.
      return { kind: 'stream', head: completionChunks(completion), rest: noMoreChunks(), stop: () => undefined, explain: (error) => transportError(error, undefined), headers, latencyMs };
    }
    const rest = adapter.readStream(response.chunks(), target, clock);
    const head: StreamChunk[] = [];
    for (;;) {
      const next = await rest.next();
      if (next.done) throw new UpstreamError('empty_stream', 'the stream ended without content');
      if (head.length === HEAD_LIMIT) throw new UpstreamError('empty_stream', `no content in the first ${HEAD_LIMIT} events`);
      head.push(next.value);
      if (next.value.content) break;
    }
    doneWaiting();
    return {
      kind: 'stream',
      head,
      rest,
      stop: () => exchange.stop('client_closed'),
      explain: (error) => transportError(error, exchange.stopped),
      headers,
      latencyMs: performance.now() - started,
    };
  } catch (error) {
    doneWaiting();
    const failure = transportError(error, exchange.stopped);
    exchange.stop();
    throw failure;
  }
}

function isJson(headers: HeaderMap): boolean {
  const type = headers['content-type'];
  return (Array.isArray(type) ? type[0] : type)?.trimStart().toLowerCase().startsWith('application/json') === true;
}

async function* noMoreChunks(): AsyncGenerator<StreamChunk> {}
