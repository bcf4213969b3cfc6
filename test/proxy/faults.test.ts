import { connect } from 'node:net';
import { APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCatalog } from './support/catalog.ts';
import { faults } from './support/faults.ts';
import { chunkOf, type Fault, type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, NOON, secret, startTestProxy, type TestProxy, userMessage } from './support/proxy.ts';

/**
 * The fault matrix: alpha (tried first) fails in one way, beta answers. Each case states its
 * outcome: the client gets beta's answer and never sees alpha's failure, or an explicit error.
 */

const ALPHA_KEY = secret('sk-alpha-fault-key-0123456789');
const BETA_KEY = secret('sk-beta-fault-key-0123456789');
const MINUTE = 60_000;

const catalog = testCatalog([
  { id: 'alpha', offerings: [{ wireId: 'alpha-m', model: 'fault-model', limits: [['requests', 'minute', 1000]] }] },
  { id: 'beta', offerings: [{ wireId: 'beta-m', model: 'fault-model' }] },
]);

let alpha: OpenAIUpstream;
let beta: OpenAIUpstream;
let t: TestProxy;

async function start(env: Record<string, string> = {}): Promise<void> {
  t = await startTestProxy(catalog, { ALPHA_API_KEY: ALPHA_KEY, ALPHA_BASE_URL: `${alpha.url}/v1`, BETA_API_KEY: BETA_KEY, BETA_BASE_URL: `${beta.url}/v1`, ...env });
}

beforeEach(async () => {
  alpha = await startOpenAIUpstream('alpha', [ALPHA_KEY]);
  beta = await startOpenAIUpstream('beta', [BETA_KEY]);
  await start();
});

afterEach(async () => {
  await t.close();
  await Promise.all([alpha.close(), beta.close()]);
});

checkLogsHoldNoSecrets();

async function ask(): Promise<{ content: string | null | undefined; model: string; attempts: string | null }> {
  const { data, response } = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage() }).withResponse();
  return { content: data.choices[0]?.message.content, model: data.model, attempts: response.headers.get('x-freeway-attempts') };
}

/** A request pinned to alpha: its answer, or the status and Retry-After of the refusal while alpha rests. */
async function askAlpha(): Promise<string> {
  const response = await t.fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'fault-model', provider: 'alpha', messages: userMessage() }) });
  if (response.ok) return ((await response.json()) as { model: string }).model;
  return `${response.status} retry-after ${response.headers.get('retry-after')}`;
}

async function askStreaming(): Promise<string> {
  const stream = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage(), stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

/** The request went to alpha once, failed there, and beta's answer came back. */
async function expectFailover(fault: Fault): Promise<void> {
  alpha.script(fault);
  expect(await ask()).toEqual({ content: 'Hello from beta', model: 'beta/beta-m', attempts: '2' });
  expect(alpha.chats()).toHaveLength(1);
}

describe('non-streaming: fail over to the next provider', () => {
  it.each([
    ['500', faults.status(500)],
    ['502', faults.status(502)],
    ['503', faults.status(503)],
    ['529 (overloaded)', faults.status(529)],
    ['408', faults.status(408)],
    ['409', faults.status(409)],
    ['413', faults.status(413)],
    ['404 (the catalog is ahead of the provider)', faults.status(404, {}, 'The model `alpha-m` does not exist')],
    ['400 context_length_exceeded', faults.status(400, {}, "This model's maximum context length is 8192 tokens")],
    ['a timeout before headers', faults.hangBeforeHeaders()],
    ['a stall after headers', faults.stallAfterHeaders(false)],
    ['a connection reset', faults.resetConnection()],
    ['a 200 with an error inside', faults.errorInside200()],
    ['a 200 with invalid JSON', faults.invalidJson()],
  ])('on %s', async (_, fault) => {
    await expectFailover(fault);
  });
});

describe('a slow upstream', () => {
  it('has PROXY_ANSWER_TIMEOUT_MS to send a whole answer, and PROXY_ATTEMPT_TIMEOUT_MS for a stream\'s first content', async () => {
    await t.close();
    await start({ PROXY_ATTEMPT_TIMEOUT_MS: '200', PROXY_ANSWER_TIMEOUT_MS: '3000' });
    alpha.delayMs = 500;
    expect(await ask()).toEqual({ content: 'Hello from alpha', model: 'alpha/alpha-m', attempts: '1' });
    expect(await askStreaming()).toBe('Hello from beta');
  });
});

describe('an answer larger than PROXY_ANSWER_LIMIT_BYTES', () => {
  it('is a failed attempt (the proxy does not hold it in memory), and the next provider answers', async () => {
    await t.close();
    await start({ PROXY_ANSWER_LIMIT_BYTES: '4096' });
    await expectFailover(faults.hugeAnswer(64 * 1024));
    expect(t.logs.some((line) => line.includes('msg=request') && line.includes('failovers=1'))).toBe(true);
  });

  it('an answer just under the limit passes', async () => {
    await t.close();
    await start({ PROXY_ANSWER_LIMIT_BYTES: '4096' });
    alpha.script(faults.hugeAnswer(3000));
    expect((await ask()).model).toBe('alpha/alpha-m');
  });
});

describe('an upstream that compresses what it may', () => {
  it('is asked for identity, and its answer is passed on without a failover', async () => {
    alpha.script(faults.compressUnlessRefused('Hello from alpha'));
    expect(await ask()).toEqual({ content: 'Hello from alpha', model: 'alpha/alpha-m', attempts: '1' });
  });
});

describe('rate limits: fail over, and rest the key until its real reset', () => {
  it('429 with Retry-After: alpha rests for exactly that long', async () => {
    await expectFailover(faults.rateLimited({ 'retry-after': '7' }));
    t.clock.now += 5_000;
    expect(await askAlpha()).toBe('429 retry-after 2');
    t.clock.now += 2_000;
    expect(await askAlpha()).toBe('alpha/alpha-m');
    expect(alpha.chats()).toHaveLength(2);
  });

  it('429 without Retry-After: alpha rests until its catalog window (a minute) ends', async () => {
    await expectFailover(faults.rateLimited());
    t.clock.now += 45_000;
    expect(await askAlpha()).toBe('429 retry-after 15');
    t.clock.now += 15_000;
    expect(await askAlpha()).toBe('alpha/alpha-m');
  });

  it('429 with an exhausted x-ratelimit window: alpha rests until that window resets', async () => {
    await expectFailover(faults.rateLimited({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2m30s' }));
    expect(await askAlpha()).toBe('429 retry-after 150');
    t.clock.now += 150_000;
    expect(await askAlpha()).toBe('alpha/alpha-m');
  });

  it('a daily-quota 429 is not a throttle: alpha rests until midnight UTC', async () => {
    await expectFailover(faults.dailyQuota());
    expect(await askAlpha()).toBe(`429 retry-after ${12 * 3600}`);
    t.clock.now = Date.UTC(2026, 10, 22, 0, 0, 0);
    expect(await askAlpha()).toBe('alpha/alpha-m');
  });

  it('402 (out of credit): the key rests for an hour, for every model', async () => {
    await expectFailover(faults.status(402, {}, 'Insufficient credits'));
    expect(await askAlpha()).toBe('429 retry-after 3600');
    expect(alpha.chats()).toHaveLength(1);
  });

  it('answers 429 with Retry-After when every provider is rate-limited', async () => {
    alpha.script(faults.rateLimited({ 'retry-after': '30' }));
    beta.script(faults.rateLimited({ 'retry-after': '20' }));
    const response = await t.fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'fault-model', messages: userMessage() }) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('20');
    expect(await response.json()).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' } });
    // Both rest now: the next request is refused without calling either.
    const again = await t.fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'fault-model', messages: userMessage() }) });
    expect(again.status).toBe(429);
    expect([alpha.chats().length, beta.chats().length]).toEqual([1, 1]);
  });
});

describe('what the client sees when nothing answers, or when it is its own fault', () => {
  it('a 400 goes back to the client as is, and no one else is asked', async () => {
    alpha.script(faults.status(400, {}, "Invalid value for 'temperature'"));
    const error = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error' });
    expect((error as Error).message).toContain("alpha/alpha-m rejected the request: Invalid value for 'temperature'");
    expect(beta.chats()).toHaveLength(0);
  });

  it('502 naming every failure when every provider fails', async () => {
    alpha.script(faults.status(500));
    beta.script(faults.status(503));
    const error = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, type: 'server_error', code: 'upstream_unavailable' });
    expect((error as Error).message).toMatch(/alpha\/alpha-m \(500: upstream answered 500\); beta\/beta-m \(503: upstream answered 503\)/);
  });

  it('504 when the time budget runs out', async () => {
    await t.close();
    await start({ PROXY_TIMEOUT_MS: '900' });
    alpha.script(faults.hangBeforeHeaders());
    beta.script(faults.hangBeforeHeaders());
    const started = performance.now();
    const error = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a recently failing provider is tried after healthy ones, for a minute', async () => {
    beta.delayMs = 250;
    expect((await ask()).model).toBe('alpha/alpha-m');
    alpha.script(faults.status(503));
    expect((await ask()).model).toBe('beta/beta-m');
    expect((await ask()).model).toBe('beta/beta-m');
    expect(alpha.chats()).toHaveLength(2);
    t.clock.now += 61_000;
    // Healthy again, and faster than beta.
    expect((await ask()).model).toBe('alpha/alpha-m');
  });

  it('a key the upstream rejects (401) is rested and the next key of the provider answers', async () => {
    await t.close();
    const badKey = secret('sk-alpha-revoked-0123456789');
    await start({ ALPHA_API_KEY: `${badKey},${ALPHA_KEY}` });
    for (let i = 0; i < 3; i++) expect((await ask()).model).toBe('alpha/alpha-m');
    const keys = alpha.chats().map((r) => r.headers.authorization);
    expect(keys.filter((k) => k === `Bearer ${badKey}`)).toHaveLength(1);
    expect(beta.chats()).toHaveLength(0);
  });
});

describe('an upstream that ignores stream: true and sends the whole answer as JSON', () => {
  it('reaches the client as a stream from that provider: content, tool call, finish, and usage when asked', async () => {
    alpha.script(faults.wholeAnswer('Whole from alpha'));
    const stream = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage(), stream: true, stream_options: { include_usage: true } });
    let text = '';
    const models = new Set<string>();
    const finishes: string[] = [];
    const calls: Array<{ index: number; name?: string; arguments?: string }> = [];
    let usage: unknown;
    for await (const chunk of stream) {
      models.add(chunk.model);
      for (const choice of chunk.choices) {
        text += choice.delta.content ?? '';
        for (const call of choice.delta.tool_calls ?? []) calls.push({ index: call.index, name: call.function?.name, arguments: call.function?.arguments });
        if (choice.finish_reason) finishes.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Whole from alpha');
    expect(calls).toEqual([{ index: 0, name: 'get_weather', arguments: '{"city":"Oslo"}' }]);
    expect(finishes).toEqual(['tool_calls']);
    expect(usage).toEqual({ prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 });
    expect([...models]).toEqual(['alpha/alpha-m']);
    expect(beta.chats()).toHaveLength(0);
  });

  it('without include_usage, no usage chunk', async () => {
    alpha.script(faults.wholeAnswer('Whole from alpha'));
    const stream = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage(), stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content).join('')).toBe('Whole from alpha');
  });
});

describe('streaming: nothing before the first content reaches the client', () => {
  it.each([
    ['a 429', faults.rateLimited()],
    ['a 503', faults.status(503)],
    ['a connection reset', faults.resetConnection()],
    ['a stall after headers', faults.stallAfterHeaders(true)],
    ['a cut before any content', faults.cutStream()],
    ['an error event', faults.errorEventInStream()],
    ['an empty stream', faults.emptyStream()],
    ['a thousand events without content', faults.noContentFor(1000)],
  ])('on %s, the stream comes from beta', async (_, fault) => {
    alpha.script(fault);
    expect(await askStreaming()).toBe('Hello from beta');
    expect(alpha.chats()).toHaveLength(1);
  });

  it('content after 999 empty events still commits the stream', async () => {
    alpha.script(faults.noContentFor(999));
    expect(await askStreaming()).toBe('late');
  });

  it('a stream cut after its first content ends with an explicit error event, never a silent close', async () => {
    alpha.script(faults.cutStream('Hel', 'lo'));
    let text = '';
    const error = await (async () => {
      const stream = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage(), stream: true });
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(text).toBe('Hello');
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ type: 'server_error', code: 'stream_interrupted' });
    expect((error as Error).message).toContain('alpha/alpha-m failed after the stream began');
    expect(beta.chats()).toHaveLength(0);
  });
});

describe('a client that goes away', () => {
  it('before its answer: the upstream request is aborted, no other provider is asked, and the request is logged as closed by the client', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    alpha.script((res) => res.on('close', upstreamClosed));
    const leaving = new AbortController();
    const asked = t.fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'fault-model', messages: userMessage() }), signal: leaving.signal });
    await expect.poll(() => alpha.chats().length).toBe(1);
    leaving.abort();
    await expect(asked).rejects.toThrow();
    await closed;
    await expect.poll(() => t.logs.some((line) => line.includes('status=499') && line.includes('error=client_closed'))).toBe(true);
    expect(beta.chats()).toHaveLength(0);
  });

  it('mid-stream: the upstream request is aborted and the request logged as closed by the client', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    alpha.script((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify(chunkOf('Hel'))}\n\n`);
      res.on('close', upstreamClosed);
    });
    const stream = await t.client().chat.completions.create({ model: 'fault-model', messages: userMessage(), stream: true });
    for await (const chunk of stream) {
      expect(chunk.choices[0]?.delta.content).toBe('Hel');
      break;
    }
    await closed;
    await expect.poll(() => t.logs.some((line) => line.includes('stream=true') && line.includes('error=client_closed'))).toBe(true);
    expect((await ask()).model).toMatch(/^(alpha|beta)\//);
  });
});

/** Sends a chat request over a raw socket: the headers and the first `sent` bytes of the body, then the rest after `pauseMs` (or never). */
function slowUpload(sent: number, pauseMs: number, rest: boolean): Promise<string> {
  const body = JSON.stringify({ model: 'fault-model', messages: userMessage() });
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body.slice(0, sent)}`);
      setTimeout(() => (rest ? socket.write(body.slice(sent)) : socket.destroy()), pauseMs);
    });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
  });
}

describe('a client that sends its body slowly, or not at all', () => {
  it('leaving halfway through its body is logged as closed by the client, not as a server error, and nothing goes upstream', async () => {
    await slowUpload(10, 100, false);
    await expect.poll(() => t.logs.some((line) => line.includes('status=499') && line.includes('error=client_closed'))).toBe(true);
    expect(t.logs.filter((line) => line.includes('level=error'))).toEqual([]);
    expect(alpha.chats().length + beta.chats().length).toBe(0);
  });

  it('a slow upload counts in the duration, not in the overhead the proxy adds', async () => {
    const answer = await slowUpload(10, 300, true);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    const line = t.logs.find((l) => l.includes('msg=request') && l.includes('status=200')) ?? '';
    expect(Number(/duration_ms=([\d.]+)/.exec(line)?.[1])).toBeGreaterThanOrEqual(290);
    expect(Number(/overhead_ms=([\d.]+)/.exec(line)?.[1])).toBeLessThan(100);
  });
});

describe('a burst while alpha fails in every way at once', () => {
  it('answers all 240 requests of 12 concurrent SDK clients, streaming or not, and nothing is logged as a server error', async () => {
    const menu: Fault[] = [
      faults.status(500),
      faults.status(503),
      faults.status(529),
      faults.resetConnection(),
      faults.errorInside200(),
      faults.invalidJson(),
      faults.cutStream(),
      faults.emptyStream(),
      faults.errorEventInStream(),
      faults.stallAfterHeaders(false),
      faults.compressUnlessRefused('Hello from alpha'),
    ];
    // A fixed pseudo-random order (a 32-bit linear congruential generator), so a failure can be replayed.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0);
    for (let i = 0; i < 240; i++) alpha.script(menu[next() % menu.length]!);
    const client = t.client();
    const ask = async (i: number): Promise<string> => {
      const body = { model: 'fault-model', provider: { order: ['alpha', 'beta'] }, messages: userMessage() };
      if (i % 2) {
        const stream = await client.chat.completions.create({ ...body, stream: true } as ChatCompletionCreateParamsStreaming);
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      }
      return (await client.chat.completions.create(body as ChatCompletionCreateParamsNonStreaming)).choices[0]?.message.content ?? '';
    };
    const answers: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, worker) => {
        for (let i = worker; i < 240; i += 12) answers.push(await ask(i));
      }),
    );
    expect(answers).toHaveLength(240);
    expect(answers.filter((a) => a !== 'Hello from alpha' && a !== 'Hello from beta')).toEqual([]);
    // Each request went to alpha first and met its fault; beta answered all but alpha's compressed successes.
    expect(alpha.chats()).toHaveLength(240);
    expect(beta.chats().length).toBeGreaterThan(180);
    expect(t.logs.filter((line) => /status=5\d\d/.test(line))).toEqual([]);
  }, 30_000);
});

describe('the clock the tests run on', () => {
  it('starts at noon UTC', () => {
    expect(new Date(NOON).toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });
});
