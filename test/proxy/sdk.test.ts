import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCatalog } from './support/catalog.ts';
import { faults } from './support/faults.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, secret, startTestProxy, type TestProxy, userMessage } from './support/proxy.ts';

const ALPHA_KEYS = [secret('sk-alpha-key-one-0123456789'), secret('sk-alpha-key-two-0123456789')];
const BETA_KEY = secret('sk-beta-key-0123456789abcdef');

const catalog = testCatalog([
  {
    id: 'alpha',
    offerings: [
      { wireId: 'alpha-llama', model: 'llama-test', capabilities: ['json', 'tools'], context: 8192, price: [0.1, 0.2] },
      { wireId: 'alpha-small', model: 'small-test', price: [0.01, 0.02] },
      { wireId: 'alpha-mixed', model: 'mixed-test' },
      { wireId: 'alpha-unsure', model: 'unsure-test' },
    ],
  },
  { id: 'gamma', shape: 'anthropic', unsupportedParams: ['seed', 'stream_options'], offerings: [{ wireId: 'gamma-1', model: 'gamma-model' }] },
  {
    id: 'beta',
    offerings: [
      { wireId: 'meta/llama-test', model: 'llama-test', capabilities: ['json', 'tools'], context: 131072 },
      { wireId: 'big-paid', model: 'big-test', free: false, capabilities: ['tools'], price: [3, 15] },
      { wireId: 'beta-mixed', model: 'mixed-test', capabilities: ['tools'] },
      { wireId: 'beta-unsure', model: 'unsure-test' },
    ],
  },
]);

const WEATHER: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

let alpha: OpenAIUpstream;
let beta: OpenAIUpstream;
let gamma: OpenAIUpstream;
let t: TestProxy;
let chainsDir: string;

beforeAll(async () => {
  alpha = await startOpenAIUpstream('alpha', ALPHA_KEYS);
  beta = await startOpenAIUpstream('beta', [BETA_KEY]);
  gamma = await startOpenAIUpstream('gamma', [BETA_KEY]);
  chainsDir = await mkdtemp(join(tmpdir(), 'freeway-chains-'));
  const chains = join(chainsDir, 'fallbacks.json');
  await writeFile(chains, JSON.stringify({ chains: { 'smart-then-small': ['beta/big-paid', 'small-test'] } }));
  t = await startTestProxy(catalog, {
    ALPHA_API_KEY: ALPHA_KEYS.join(','),
    ALPHA_BASE_URL: `${alpha.url}/v1`,
    BETA_API_KEY: BETA_KEY,
    BETA_BASE_URL: `${beta.url}/v1/`,
    GAMMA_API_KEY: BETA_KEY,
    GAMMA_BASE_URL: `${gamma.url}/v1`,
    PROXY_FALLBACKS: chains,
  });
});

afterAll(async () => {
  await t.close();
  await Promise.all([alpha.close(), beta.close(), gamma.close()]);
  await rm(chainsDir, { recursive: true, force: true });
});

checkLogsHoldNoSecrets();

describe('non-streaming chat through the openai SDK', () => {
  it('answers a canonical model from a free provider, naming the qualified model and the provider', async () => {
    const { data, response } = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage() }).withResponse();
    expect(data.choices[0]?.message.content).toBe('Hello from alpha');
    expect(data.model).toBe('alpha/alpha-llama');
    expect(data.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 5 });
    expect(response.headers.get('x-freeway-provider')).toBe('alpha');
    expect(response.headers.get('x-freeway-model')).toBe('alpha/alpha-llama');
  });

  it('sends the upstream its wire id and the key in the Authorization header, and none of the routing fields', async () => {
    const body = { model: 'llama-test', messages: userMessage(), temperature: 0.2, provider: 'alpha', model_quality: 'fastest', top_k: 40 };
    await t.client().chat.completions.create(body as ChatCompletionCreateParamsNonStreaming);
    const sent = alpha.chats().at(-1)!;
    expect(sent.json).toEqual({ model: 'alpha-llama', messages: userMessage(), temperature: 0.2, top_k: 40 });
    expect(ALPHA_KEYS.map((key) => `Bearer ${key}`)).toContain(sent.headers.authorization);
    expect(sent.url).toBe('/v1/chat/completions');
  });

  it('rotates between the provider keys', async () => {
    const before = alpha.chats().length;
    for (let i = 0; i < 4; i++) await t.client().chat.completions.create({ model: 'alpha/alpha-llama', messages: userMessage() });
    const used = alpha.chats().slice(before).map((r) => r.headers.authorization);
    expect(new Set(used)).toEqual(new Set(ALPHA_KEYS.map((key) => `Bearer ${key}`)));
  });

  it('calls tools and takes their results back', async () => {
    const client = t.client();
    const first = await client.chat.completions.create({ model: 'llama-test', messages: userMessage('Weather in Paris?'), tools: [WEATHER] });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    const messages: ChatCompletionMessageParam[] = [
      ...userMessage('Weather in Paris?'),
      first.choices[0]!.message,
      { role: 'tool', tool_call_id: call!.id, content: 'sunny, 21 C' },
    ];
    const second = await client.chat.completions.create({ model: 'llama-test', messages, tools: [WEATHER] });
    expect(second.choices[0]?.message.content).toBe('The tool said: sunny, 21 C');
    expect((alpha.chats().at(-1)!.json as { tools: unknown }).tools).toEqual([WEATHER]);
  });

  it('passes response_format through', async () => {
    const answer = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage(), response_format: { type: 'json_object' } });
    expect(JSON.parse(answer.choices[0]?.message.content ?? '')).toEqual({ answer: 'ok' });
    expect((alpha.chats().at(-1)!.json as { response_format: unknown }).response_format).toEqual({ type: 'json_object' });
  });
});

describe('per-provider differences as data', () => {
  it('drops the fields a provider rejects (unsupportedParams), and takes Anthropic’s OpenAI layer as OpenAI-shaped', async () => {
    const stream = await t.client().chat.completions.create({ model: 'gamma-model', messages: userMessage(), seed: 1, temperature: 0.5, stream: true, stream_options: { include_usage: true } });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello from gamma');
    expect(gamma.chats().at(-1)!.json).toEqual({ model: 'gamma-1', messages: userMessage(), temperature: 0.5, stream: true });
  });
});

describe('streaming chat through the openai SDK', () => {
  it('streams the content with the qualified model on every chunk, and no usage chunk unless asked', async () => {
    const stream = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage(), stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello from alpha');
    expect(new Set(chunks.map((c) => c.model))).toEqual(new Set(['alpha/alpha-llama']));
    expect(chunks.every((c) => c.choices.length > 0)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect((alpha.chats().at(-1)!.json as { stream_options: unknown }).stream_options).toEqual({ include_usage: true });
  });

  it('passes the usage chunk on when stream_options.include_usage is set', async () => {
    const stream = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage(), stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } });
  });

  it('streams tool calls', async () => {
    const stream = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage('Weather?'), tools: [WEATHER], stream: true });
    let args = '';
    let name = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      name += call?.function?.name ?? '';
      args += call?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect({ name, args: JSON.parse(args), finish }).toEqual({ name: 'get_weather', args: { city: 'Paris' }, finish: 'tool_calls' });
  });
});

describe('routing', () => {
  it('takes a provider-qualified id to that provider, even with a slash in the wire id', async () => {
    const answer = await t.client().chat.completions.create({ model: 'beta/meta/llama-test', messages: userMessage() });
    expect(answer.model).toBe('beta/meta/llama-test');
    expect(answer.choices[0]?.message.content).toBe('Hello from beta');
  });

  it('pins the provider named in `provider`', async () => {
    const answer = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage(), provider: ['beta'] } as ChatCompletionCreateParamsNonStreaming);
    expect(answer.model).toBe('beta/meta/llama-test');
  });

  it('tries `models` in the order given', async () => {
    const answer = await t.client().chat.completions.create({ models: ['beta/meta/llama-test', 'llama-test'], messages: userMessage() } as unknown as ChatCompletionCreateParamsNonStreaming);
    expect(answer.model).toBe('beta/meta/llama-test');
  });

  it('expands a named fallback chain from PROXY_FALLBACKS, free offerings of each entry in turn', async () => {
    beta.script((res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"busy"}}');
    });
    const answer = await t.client().chat.completions.create({ model: 'smart-then-small', messages: userMessage() });
    expect(answer.model).toBe('alpha/alpha-small');
    expect(beta.chats().at(-1)!.json).toMatchObject({ model: 'big-paid' });
  });

  it('routes `auto` by model_quality: with no latency seen yet, fastest to the cheapest model, best_quality to the priciest free one', async () => {
    const fresh = await startTestProxy(catalog, { ALPHA_API_KEY: ALPHA_KEYS[0]!, ALPHA_BASE_URL: `${alpha.url}/v1`, BETA_API_KEY: BETA_KEY, BETA_BASE_URL: `${beta.url}/v1` });
    try {
      const fast = await fresh.client().chat.completions.create({ model: 'auto', model_quality: 'fastest', messages: userMessage() } as ChatCompletionCreateParamsNonStreaming);
      const best = await fresh.client().chat.completions.create({ model: 'auto', model_quality: 'best_quality', messages: userMessage() } as ChatCompletionCreateParamsNonStreaming);
      expect(fast.model).toBe('alpha/alpha-small');
      // Free offerings come first: the paid big-test, priced highest, is not picked.
      expect(best.model).toBe('alpha/alpha-llama');
    } finally {
      await fresh.close();
    }
  });

  it('skips a provider whose context is too small for the prompt', async () => {
    const answer = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage('x'.repeat(40_000)) });
    expect(answer.model).toBe('beta/meta/llama-test');
  });

  it('refuses a model when every provider states a context too small for the prompt', async () => {
    const error = await t.client().chat.completions.create({ model: 'llama-test', messages: userMessage('x'.repeat(600_000)) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'model_not_capable', param: 'model' });
    expect(String((error as Error).message)).toContain('alpha/alpha-llama lacks a 150000-token context (it has 8192)');
  });
});

describe('capabilities the catalog does not state', () => {
  const withTools = (model: string) => t.client().chat.completions.create({ model, messages: userMessage('Weather in Paris?'), tools: [WEATHER] }).withResponse();

  it('models known to have tools go first; without tools, the client\'s order holds', async () => {
    const ask = (tools: boolean) =>
      t.client().chat.completions.create({ model: 'unsure-test', models: ['mixed-test'], messages: userMessage('Weather in Paris?'), ...(tools ? { tools: [WEATHER] } : {}) } as ChatCompletionCreateParamsNonStreaming);
    // mixed-test is known to take tools (beta says so, for the model); unsure-test is not.
    expect((await ask(true)).model).toBe('alpha/alpha-mixed');
    expect((await ask(false)).model).toBe('alpha/alpha-unsure');
  });

  it('a provider not known to have tools is still asked when no other serves the model', async () => {
    const { data } = await withTools('small-test');
    expect(data.model).toBe('alpha/alpha-small');
    expect(data.choices[0]?.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
  });

  it('its 400 moves on to the next provider, which answers', async () => {
    alpha.script(faults.status(400, {}, 'tools are not supported with this model'));
    const { data, response } = await withTools('unsure-test');
    expect(data.model).toBe('beta/beta-unsure');
    expect(response.headers.get('x-freeway-attempts')).toBe('2');
  });

  it('when no one else can, its 400 reaches the client as it said it', async () => {
    alpha.script(faults.status(400, {}, 'tools are not supported with this model'));
    const error = await withTools('small-test').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect(String((error as Error).message)).toContain('alpha/alpha-small rejected the request: tools are not supported with this model');
  });
});

describe('GET /v1/models', () => {
  it('lists canonical, qualified and auto ids with the providers that serve each', async () => {
    const models = [];
    for await (const model of t.client().models.list()) models.push(model);
    const byId = new Map(models.map((m) => [m.id, m as typeof m & { providers: string[] }]));
    expect(byId.get('llama-test')).toMatchObject({ object: 'model', owned_by: 'test-lab', providers: ['alpha', 'beta'] });
    expect(byId.get('big-test')?.providers).toEqual(['beta']);
    expect(byId.get('beta/meta/llama-test')).toMatchObject({ owned_by: 'beta', providers: ['beta'] });
    expect(byId.get('auto')?.providers).toEqual(['alpha', 'gamma', 'beta']);
    expect(byId.get('smart-then-small')?.providers).toEqual(['alpha', 'beta']);
  });

  it('retrieves one model, slashes and all', async () => {
    expect(await t.client().models.retrieve('beta/meta/llama-test')).toMatchObject({ id: 'beta/meta/llama-test', providers: ['beta'] });
  });
});
