import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCatalog } from './support/catalog.ts';
import { faults } from './support/faults.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, secret, startTestProxy, type TestProxy, userMessage } from './support/proxy.ts';
import { startProxy } from '../../proxy/server.ts';
import { freePort, type RedisServer, startRedis } from './support/redis.ts';

const ALPHA_KEY = secret('sk-alpha-shared-0123456789');
const BETA_KEY = secret('sk-beta-shared-0123456789');

// A lifetime allowance, so the test cannot straddle a window boundary.
const catalog = testCatalog([
  { id: 'alpha', offerings: [{ wireId: 'alpha-m', model: 'shared-model', limits: [['requests', 'lifetime', 5]] }, { wireId: 'alpha-other', model: 'other-model' }] },
  { id: 'beta', offerings: [{ wireId: 'beta-m', model: 'shared-model' }, { wireId: 'beta-other', model: 'other-model' }] },
]);

let redis: RedisServer;
let alpha: OpenAIUpstream;
let beta: OpenAIUpstream;
let one: TestProxy;
let two: TestProxy;

beforeAll(async () => {
  [redis, alpha, beta] = await Promise.all([startRedis(), startOpenAIUpstream('alpha', [ALPHA_KEY]), startOpenAIUpstream('beta', [BETA_KEY])]);
  const env = { ALPHA_API_KEY: ALPHA_KEY, ALPHA_BASE_URL: `${alpha.url}/v1`, BETA_API_KEY: BETA_KEY, BETA_BASE_URL: `${beta.url}/v1`, REDIS_URL: redis.url, REDIS_PREFIX: 'test:' };
  // Real time: Redis expires keys on its own clock.
  one = await startTestProxy(catalog, env, { now: Date.now() });
  two = await startTestProxy(catalog, env, { now: Date.now() });
  for (const t of [one, two]) Object.defineProperty(t.clock, 'now', { get: () => Date.now() });
});

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await Promise.all([alpha?.close(), beta?.close(), redis?.stop()]);
});

checkLogsHoldNoSecrets();

const ask = (t: TestProxy, model = 'shared-model') => t.client().chat.completions.create({ model, messages: userMessage() });

describe('two proxy instances on one Redis', () => {
  it('respect one shared limit, even when their requests race', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(i % 2 ? one : two)));
    const byProvider = answers.map((a) => a.model.split('/')[0]);
    expect(byProvider.filter((p) => p === 'alpha')).toHaveLength(5);
    expect(byProvider.filter((p) => p === 'beta')).toHaveLength(7);
    expect(alpha.chats()).toHaveLength(5);
  });

  it('share cooldowns: a key rate-limited through one instance is skipped by the other', async () => {
    alpha.script(faults.rateLimited({ 'retry-after': '120' }));
    expect((await ask(one, 'other-model')).model).toBe('beta/beta-other');
    const before = alpha.chats().length;
    expect((await ask(two, 'other-model')).model).toBe('beta/beta-other');
    expect(alpha.chats()).toHaveLength(before);
  });

  it('share usage: either instance reports the requests of both', async () => {
    const usage = (await (await one.fetch('/v1/usage')).json()) as { store: string; providers: Array<{ provider: string; requests: number; failures: number }> };
    expect(usage.store).toBe('redis');
    expect(usage.providers.map(({ provider, requests, failures }) => ({ provider, requests, failures }))).toEqual([
      { provider: 'alpha', requests: 5, failures: 1 },
      { provider: 'beta', requests: 9, failures: 0 },
    ]);
    expect(await (await two.fetch('/v1/usage')).json()).toEqual(usage);
  });

  it('keep answering when Redis goes away, and say so in /healthz', async () => {
    await redis.stop();
    expect((await ask(one)).model).toMatch(/^(alpha|beta)\//);
    expect(await (await one.fetch('/healthz')).json()).toMatchObject({ status: 'degraded', store: { kind: 'redis', status: 'unreachable' } });
    expect(one.logs.join('\n')).toContain('state store failed; requests go through without limit counters');
  });
});

describe('a REDIS_URL that does not answer at start-up', () => {
  const start = (url: string, logs: string[]) =>
    startProxy({ env: { REDIS_URL: url }, host: '127.0.0.1', port: 0, catalog, log: (line) => logs.push(line) });

  it('stops the start-up within seconds and says why, instead of waiting for ever', async () => {
    const logs: string[] = [];
    // Before, the start-up never ended: the test's timeout is the bound.
    const error = await start(`redis://127.0.0.1:${await freePort()}`, logs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot connect to REDIS_URL: .*ECONNREFUSED/);
    expect(logs.filter((line) => line.includes('redis connection error')).length).toBeGreaterThan(1);
  });

  it('waits for a Redis that comes up a moment later, as one started alongside the proxy', async () => {
    const port = await freePort();
    const logs: string[] = [];
    const starting = start(`redis://127.0.0.1:${port}`, logs);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const late = await startRedis(port);
    try {
      const proxy = await starting;
      const health = (await (await fetch(`${proxy.url}/healthz`)).json()) as { store: unknown };
      await proxy.close();
      expect(JSON.stringify(health.store)).toContain('redis');
      expect(logs.some((line) => line.includes('redis connection error'))).toBe(true);
    } finally {
      await late.stop();
    }
  });
});
