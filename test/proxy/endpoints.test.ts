import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../proxy/routing/upstreams.ts';
import { testCatalog } from './support/catalog.ts';
import { faults } from './support/faults.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, secret, startTestProxy, type TestProxy, userMessage } from './support/proxy.ts';

const TOKEN = secret('freeway-endpoint-token-0123456789');
const ALPHA_KEY = secret('sk-alpha-endpoints-0123456789');
const BETA_KEY = secret('sk-beta-endpoints-0123456789');

let alpha: OpenAIUpstream;
let beta: OpenAIUpstream;
let t: TestProxy;

beforeAll(async () => {
  alpha = await startOpenAIUpstream('alpha', [ALPHA_KEY]);
  beta = await startOpenAIUpstream('beta', [BETA_KEY]);
  const catalog = testCatalog([
    { id: 'alpha', offerings: [{ wireId: 'alpha-m', model: 'shared-model' }] },
    { id: 'beta', offerings: [{ wireId: 'beta-m', model: 'shared-model' }] },
    { id: 'gamma', offerings: [{ wireId: 'gamma-m', model: 'gamma-model' }] },
    { id: 'cohort', shape: 'cohere', offerings: [{ wireId: 'c-m', model: 'cohere-model' }] },
    { id: 'cloudy', baseUrl: 'https://api.cloudy.example/client/v4/accounts/ACCOUNT_ID/ai/v1', offerings: [{ wireId: 'cl-m', model: 'cloudy-model' }] },
  ]);
  t = await startTestProxy(catalog, {
    ALPHA_API_KEY: ALPHA_KEY,
    ALPHA_BASE_URL: `${alpha.url}/v1`,
    BETA_API_KEY: BETA_KEY,
    BETA_BASE_URL: `${beta.url}/v1`,
    COHORT_API_KEY: secret('cohort-key-0123456789'),
    CLOUDY_API_KEY: secret('cloudy-key-0123456789'),
    PROXY_API_KEYS: `${TOKEN},${secret('second-client-token-0123456789')}`,
  });
  // Traffic for the endpoints to report: one answer, one failover, one stream.
  alpha.script(faults.status(503));
  await t.client().chat.completions.create({ model: 'shared-model', messages: userMessage() });
  await t.client().chat.completions.create({ model: 'alpha/alpha-m', messages: userMessage() });
  const stream = await t.client().chat.completions.create({ model: 'alpha/alpha-m', messages: userMessage(), stream: true });
  for await (const _ of stream);
});

afterAll(async () => {
  await t.close();
  await Promise.all([alpha.close(), beta.close()]);
});

checkLogsHoldNoSecrets();

describe('GET /healthz', () => {
  it('answers without a token, with the catalog version, routable providers and store', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', catalog: '2026.11.21.1', providers: ['alpha', 'beta'], store: { kind: 'memory', status: 'ok' } });
  });

  it('answers HEAD, as load balancers probe', async () => {
    const response = await fetch(`${t.url}/healthz`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('client authentication', () => {
  it('wants a token on every other route', async () => {
    for (const path of ['/v1/models', '/metrics', '/v1/usage']) expect((await fetch(`${t.url}${path}`)).status).toBe(401);
  });

  it('takes any of the PROXY_API_KEYS tokens', async () => {
    const models = await t.client('second-client-token-0123456789').models.list();
    expect(models.data.map((m) => m.id)).toContain('shared-model');
  });
});

describe('GET /metrics', () => {
  let text: string;
  beforeAll(async () => {
    text = await (await t.fetch('/metrics')).text();
  });

  it('counts requests, upstream statuses and failovers', () => {
    expect(text).toContain('freeway_requests_total{route="/v1/chat/completions",status="200"} 3');
    expect(text).toContain('freeway_upstream_responses_total{provider="alpha",status="503"} 1');
    expect(text).toContain('freeway_upstream_responses_total{provider="beta",status="200"} 1');
    expect(text).toContain('freeway_failovers_total{provider="alpha",reason="503"} 1');
  });

  it('measures latency, upstream time, the overhead the proxy adds, and tokens', () => {
    expect(text).toMatch(/freeway_overhead_seconds_count\{route="\/v1\/chat\/completions"\} 3/);
    expect(text).toMatch(/freeway_overhead_seconds_bucket\{route="\/v1\/chat\/completions",le="0.1"\} 3/);
    expect(text).toMatch(/freeway_request_duration_seconds_count\{route="\/v1\/chat\/completions"\} 3/);
    expect(text).toMatch(/freeway_upstream_duration_seconds_count\{provider="alpha"\} 3/);
    expect(text).toContain('freeway_tokens_total{provider="alpha",model="alpha/alpha-m",type="prompt"} 24');
    expect(text).toContain('freeway_catalog_info{version="2026.11.21.1"} 1');
    expect(text).toContain('freeway_routable_providers 2');
  });

  it('is valid exposition text: HELP and TYPE before each family, a number on every sample', () => {
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) (freeway|process|nodejs)_\w+ .+|(freeway|process|nodejs)_\w+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });

  it('has the usual process metrics: CPU time, resident memory, heap, start time', () => {
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(value('nodejs_heap_size_used_bytes'));
    expect(value('nodejs_heap_size_total_bytes')).toBeGreaterThanOrEqual(value('nodejs_heap_size_used_bytes'));
    expect(Math.abs(value('process_start_time_seconds') - (Date.now() / 1000 - process.uptime()))).toBeLessThan(5);
  });
});

describe('GET /v1/usage', () => {
  it('reports requests, failures and tokens per provider, model and key fingerprint', async () => {
    const usage = await (await t.fetch('/v1/usage')).json();
    expect(usage).toEqual({
      object: 'usage',
      since: '2026-11-21T12:00:00.000Z',
      store: 'memory',
      providers: [
        {
          provider: 'alpha',
          requests: 2,
          failures: 1,
          prompt_tokens: 24,
          completion_tokens: 10,
          models: [{ model: 'alpha/alpha-m', requests: 2, failures: 1, prompt_tokens: 24, completion_tokens: 10, keys: [{ key: fingerprint(ALPHA_KEY), requests: 2, failures: 1, prompt_tokens: 24, completion_tokens: 10 }] }],
        },
        {
          provider: 'beta',
          requests: 1,
          failures: 0,
          prompt_tokens: 12,
          completion_tokens: 5,
          models: [{ model: 'beta/beta-m', requests: 1, failures: 0, prompt_tokens: 12, completion_tokens: 5, keys: [{ key: fingerprint(BETA_KEY), requests: 1, failures: 0, prompt_tokens: 12, completion_tokens: 5 }] }],
        },
      ],
    });
  });
});

describe('logs', () => {
  it('say at start-up which providers are routable, which lack a key, and which API shapes are skipped', () => {
    const startup = t.logs.slice(0, 7).join('\n');
    expect(startup).toMatch(/msg="provider routable" provider=alpha keys=1 models=1/);
    expect(startup).toMatch(/msg="providers without a key" providers=gamma/);
    expect(startup).toMatch(/msg="providers skipped: API shape not supported by the proxy" providers=cohort\(cohere\)/);
    expect(startup).toMatch(/level=warn msg="cloudy has a key but its base URL needs your account details: set CLOUDY_BASE_URL"/);
    expect(startup).toMatch(/msg=listening url=http:\/\/127\.0\.0\.1:\d+ auth="bearer token \(PROXY_API_KEYS\)" store=memory/);
  });

  it('write one line per request with method, path, status, provider, model, duration and overhead', () => {
    const requests = t.logs.filter((line) => line.includes('msg=request') && line.includes('path=/v1/chat/completions'));
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatch(/method=POST path=\/v1\/chat\/completions status=200 provider=beta model=beta\/beta-m stream=false failovers=1 duration_ms=[\d.]+ overhead_ms=[\d.]+/);
    expect(requests[2]).toMatch(/status=200 provider=alpha model=alpha\/alpha-m stream=true duration_ms=[\d.]+ first_byte_ms=[\d.]+ overhead_ms=[\d.]+/);
  });

  it('never show a key an upstream echoes back, nor send it to the client', async () => {
    alpha.script((res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${ALPHA_KEY}. Your request was: ${TOKEN}`, type: 'invalid_request_error' } }));
    });
    const response = await t.fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'alpha/alpha-m', messages: userMessage() }) });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain('Incorrect API key provided: [redacted]. Your request was: [redacted]');
    expect(text).not.toContain(ALPHA_KEY);
    const all = [t.logs.join('\n'), await (await t.fetch('/metrics')).text(), await (await t.fetch('/v1/usage')).text()].join('\n');
    for (const value of [ALPHA_KEY, BETA_KEY, TOKEN]) expect(all).not.toContain(value);
  });
});
