import { gzipSync } from 'node:zlib';
import type { Fault } from './openai-upstream.ts';
import { chunkOf } from './openai-upstream.ts';
import { sendEvent, sendJson, startSse } from './server.ts';

/**
 * Ways a provider fails, as a stand-in plays them: each a Fault for the next request. Bodies follow
 * what providers really send (OpenAI/Groq error objects, Groq's daily-quota message).
 */
export const faults = {
  status:
    (status: number, headers: Record<string, string> = {}, message = `upstream answered ${status}`): Fault =>
    (res) =>
      sendJson(res, status, { error: { message, type: 'server_error', param: null, code: null } }, headers),
  rateLimited:
    (headers: Record<string, string> = {}): Fault =>
    (res) =>
      sendJson(res, 429, { error: { message: 'Rate limit reached for requests per minute (RPM): Limit 30, Used 30, Requested 1.', type: 'requests', code: 'rate_limit_exceeded' } }, headers),
  /** Groq's wording when a key has spent its requests per day, with no retry hint. */
  dailyQuota: (): Fault => (res) =>
    sendJson(res, 429, { error: { message: 'Rate limit reached for model `m` in organization `org_1` on requests per day (RPD): Limit 1000, Used 1000, Requested 1.', type: 'requests', code: 'rate_limit_exceeded' } }),
  /** Never answers: the connection stays open with no headers. */
  hangBeforeHeaders: (): Fault => () => undefined,
  /** Sends 200 headers, then nothing. */
  stallAfterHeaders: (stream: boolean): Fault => (res) => {
    res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
    res.flushHeaders();
  },
  resetConnection: (): Fault => (_res, req) => {
    req.socket.destroy();
  },
  /** A stream that sends some content, then loses its connection. */
  cutStream: (...contents: string[]): Fault => (res, req) => {
    startSse(res);
    for (const content of contents) sendEvent(res, chunkOf(content));
    res.write('', () => setTimeout(() => req.socket.destroy(), 20));
  },
  /**
   * A server that compresses every answer the request did not ask to get uncompressed: without
   * Accept-Encoding, any content coding is acceptable (RFC 9110, 12.5.3).
   */
  compressUnlessRefused: (content: string): Fault => (res, req, request) => {
    const model = (request.json as { model?: string }).model ?? 'unknown';
    const completion = { id: 'chatcmpl-1', object: 'chat.completion', created: 1_700_000_000, model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
    if (String(req.headers['accept-encoding'] ?? '').trim() === 'identity') return sendJson(res, 200, completion);
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify(completion)));
  },
  /** Ignores `stream: true`: the whole chat.completion as JSON, a tool call and usage included. */
  wholeAnswer: (content: string): Fault => (res, _req, request) =>
    sendJson(res, 200, {
      id: 'chatcmpl-whole',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: (request.json as { model?: string }).model ?? 'unknown',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
    }),
  /** A well-formed answer of about `bytes` bytes. */
  hugeAnswer: (bytes: number): Fault => (res) =>
    sendJson(res, 200, { id: 'chatcmpl-1', object: 'chat.completion', created: 1_700_000_000, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(bytes) }, finish_reason: 'stop' }] }),
  errorInside200: (): Fault => (res) => sendJson(res, 200, { error: { message: 'The model is overloaded, try again later', type: 'server_error', code: 503 } }),
  errorEventInStream: (): Fault => (res) => {
    startSse(res);
    sendEvent(res, { error: { message: 'The model is overloaded, try again later', type: 'server_error', code: 503 } });
    res.end();
  },
  /** A stream of `events` chunks without content, then one with. */
  noContentFor: (events: number): Fault => (res) => {
    startSse(res);
    for (let i = 0; i < events; i++) sendEvent(res, { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    sendEvent(res, chunkOf('late'));
    sendEvent(res, '[DONE]');
    res.end();
  },
  emptyStream: (): Fault => (res) => {
    startSse(res);
    sendEvent(res, '[DONE]');
    res.end();
  },
  invalidJson: (): Fault => (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id": "chatcmpl-1", "choices": [');
  },
};
