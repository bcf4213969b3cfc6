import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy } from '../../proxy/server.ts';
import { readCatalog } from '../../scripts/catalog/read.ts';
import type { Catalog } from '../../schemas/index.ts';
import { REPO_ROOT } from '../support/fixtures.ts';
import { testCatalog } from './support/catalog.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { capture, checkLogsHoldNoSecrets, secret, userMessage } from './support/proxy.ts';
import { freePort } from './support/redis.ts';
import { type LocalServer, type Received, sendJson, startServer } from './support/server.ts';

const GROQ_KEY = secret('gsk_test_start_0123456789abcdef');
const cleanup: Array<() => unknown> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

checkLogsHoldNoSecrets();

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** `npm start` as a person runs it: node proxy/main.ts, with only the given environment. */
async function npmStart(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'proxy', 'main.ts')], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  cleanup.push(() => stopChild(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    capture(chunk.toString());
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in 20 s:\n${stderr}`)), 20_000);
    child.stderr?.on('data', () => {
      const match = /msg=listening url=(\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${stderr}`));
    });
  });
  return { child, url, stderr: () => stderr };
}

/** `npm start` that is expected to stop by itself: its exit code and everything it wrote. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'proxy', 'main.ts')], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  cleanup.push(() => stopChild(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    capture(chunk.toString());
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start on the bundled catalog', () => {
  it('starts without keys, says no provider is routable and how to add keys, and serves /healthz', async () => {
    const started = await npmStart({});
    const health = await (await fetch(`${started.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', providers: [], store: { kind: 'memory', status: 'ok' } });
    expect(started.stderr()).toContain('msg="no provider is routable: no API keys are set"');
    expect(started.stderr()).toMatch(/hint="set <ID>_API_KEY for the providers you use/);
    expect(started.stderr()).toMatch(/msg="providers without a key" providers=\S*groq/);
    expect(await stopChild(started.child)).toBe(0);
  });

  it('routes to a provider once its key is set: groq/llama-3.3-70b-versatile and the canonical llama-3.3-70b-instruct', async () => {
    const groq: OpenAIUpstream = await startOpenAIUpstream('groq', [GROQ_KEY]);
    cleanup.push(() => groq.close());
    const started = await npmStart({ GROQ_API_KEY: GROQ_KEY, GROQ_BASE_URL: `${groq.url}/v1` });
    expect(started.stderr()).toMatch(/msg="provider routable" provider=groq keys=1 models=\d+/);
    const client = new OpenAI({ baseURL: `${started.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const pinned = await client.chat.completions.create({ model: 'groq/llama-3.3-70b-versatile', messages: userMessage() });
    const canonical = await client.chat.completions.create({ model: 'llama-3.3-70b-instruct', messages: userMessage() });
    expect([pinned.model, canonical.model]).toEqual(['groq/llama-3.3-70b-versatile', 'groq/llama-3.3-70b-versatile']);
    expect(pinned.choices[0]?.message.content).toBe('Hello from groq');
    expect(started.stderr()).not.toContain(GROQ_KEY);
  });

  it('refuses to listen beyond loopback without PROXY_API_KEYS, and says why', async () => {
    const { code, stderr } = await failedStart({ HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/level=error msg="refusing to listen on 0\.0\.0\.0 without client authentication: set PROXY_API_KEYS=/);
  });

  it('stops when REDIS_URL does not answer: its connection warnings first, the reason last, no password anywhere', async () => {
    const password = secret('redis-pass-0123456789');
    const { code, stderr } = await failedStart({ REDIS_URL: `redis://:${password}@127.0.0.1:${await freePort()}` });
    const lines = stderr.trimEnd().split('\n');
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/level=error msg="cannot connect to REDIS_URL: connect ECONNREFUSED 127\.0\.0\.1:\d+"$/);
    expect(lines.slice(0, -1).filter((line) => line.includes('msg="redis connection error"')).length).toBeGreaterThan(1);
    expect(stderr).not.toContain(password);
  });

  it('warns about a client token short enough to guess', async () => {
    const started = await npmStart({ PROXY_API_KEYS: `${secret('Zq9xW2')},${secret('a-long-random-client-token-0123456789')}` });
    expect(started.stderr()).toContain('level=warn msg="1 of PROXY_API_KEYS is shorter than 16 characters');
    expect(started.stderr()).toContain('hint="use random tokens, e.g. openssl rand -hex 24"');
  });
});

describe('CATALOG as the URL of a published catalog', () => {
  const v1 = testCatalog([{ id: 'alpha', offerings: [{ wireId: 'a-one', model: 'one' }] }]);
  const v2 = { ...testCatalog([{ id: 'alpha', offerings: [{ wireId: 'a-one', model: 'one' }, { wireId: 'a-two', model: 'two' }] }]), version: '2026.11.21.2' };

  /** Serves a catalog with an ETag, honouring If-None-Match; `answer` can be swapped to fail. */
  async function publish(): Promise<{ server: LocalServer; serve: (answer: Catalog | 'broken' | 'invalid') => void; fetched: () => Received[] }> {
    let current: Catalog | 'broken' | 'invalid' = v1;
    const server = await startServer((request, res) => {
      if (request.url === '/moved') {
        res.writeHead(301, { location: '/v1/catalog.json' }).end();
        return;
      }
      if (current === 'broken') return sendJson(res, 500, { error: 'down' });
      if (current === 'invalid') return sendJson(res, 200, { schemaVersion: 1, version: 'not-a-version' }, { etag: '"bad"' });
      const etag = `"${current.version}"`;
      if (request.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      sendJson(res, 200, current, { etag });
    });
    cleanup.push(() => server.close());
    return { server, serve: (answer) => (current = answer), fetched: () => server.received };
  }

  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(check()).toBe(true);
  };

  it('loads it, refreshes it with If-None-Match, and keeps the last good one when a refresh fails or does not validate', async () => {
    const published = await publish();
    const logs: string[] = [];
    const proxy = await startProxy({
      env: { ALPHA_API_KEY: secret('alpha-url-key-0123456789'), CATALOG: `${published.server.url}/v1/catalog.json`, CATALOG_REFRESH_SECONDS: '0.2' },
      host: '127.0.0.1',
      port: 0,
      log: (line) => {
        logs.push(line);
        capture(line);
      },
    });
    cleanup.push(() => proxy.close());
    const version = async () => ((await (await fetch(`${proxy.url}/healthz`)).json()) as { catalog: string }).catalog;
    expect(await version()).toBe('2026.11.21.1');

    await waitFor(() => published.fetched().length >= 2);
    expect(published.fetched()[1]?.headers['if-none-match']).toBe('"2026.11.21.1"');

    published.serve(v2);
    await waitFor(() => logs.some((line) => line.includes('msg="catalog refreshed" version=2026.11.21.2')));
    expect(await version()).toBe('2026.11.21.2');
    const models = (await (await fetch(`${proxy.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((m) => m.id)).toContain('two');

    for (const answer of ['broken', 'invalid'] as const) {
      published.serve(answer);
      const failures = logs.filter((line) => line.includes('catalog refresh failed')).length;
      await waitFor(() => logs.filter((line) => line.includes('catalog refresh failed')).length > failures);
      expect(await version()).toBe('2026.11.21.2');
    }
    expect(logs.join('\n')).toMatch(/catalog refresh failed; keeping the last good catalog.*is not a valid catalog/);
  });

  it('follows redirects, as a Pages site answers for its custom domain', async () => {
    const published = await publish();
    const proxy = await startProxy({ env: { CATALOG: `${published.server.url}/moved` }, host: '127.0.0.1', port: 0, log: capture });
    cleanup.push(() => proxy.close());
    expect(((await (await fetch(`${proxy.url}/healthz`)).json()) as { catalog: string }).catalog).toBe('2026.11.21.1');
    expect(published.fetched().map((r) => r.url)).toEqual(['/moved', '/v1/catalog.json']);
  });

  it('starts on the bundled catalog when the URL fails at start-up', async () => {
    const published = await publish();
    published.serve('broken');
    const logs: string[] = [];
    const proxy = await startProxy({
      env: { CATALOG: `${published.server.url}/v1/catalog.json` },
      host: '127.0.0.1',
      port: 0,
      log: (line) => {
        logs.push(line);
        capture(line);
      },
    });
    cleanup.push(() => proxy.close());
    const bundled = await readCatalog(join(REPO_ROOT, 'catalog'));
    expect(((await (await fetch(`${proxy.url}/healthz`)).json()) as { catalog: string }).catalog).toBe(bundled.catalog.meta?.version);
    expect(logs.join('\n')).toContain('catalog URL failed at start-up; using the bundled catalog until a refresh succeeds');
  });
});
