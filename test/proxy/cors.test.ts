import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../proxy/config.ts';
import { ConfigError } from '../../proxy/errors.ts';
import { CHROMIUM_ARGS } from '../../scripts/http/browser.ts';
import { testCatalog } from './support/catalog.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, secret, startTestProxy, type TestProxy } from './support/proxy.ts';
import { type LocalServer, startServer } from './support/server.ts';

/**
 * Browsers calling the proxy from web pages, in real Chromium: `app.test` and `evil.test` resolve
 * to 127.0.0.1, so each page is a different origin served by one local server; only app.test is
 * in PROXY_CORS_ORIGINS, and this machine's own pages (localhost) are allowed without it.
 */

const TOKEN = secret('freeway-cors-token-0123456789');
const KEY = secret('sk-alpha-cors-0123456789');

let upstream: OpenAIUpstream;
let pages: LocalServer;
let t: TestProxy;
let browser: Browser;
let pagePort: string;

beforeAll(async () => {
  upstream = await startOpenAIUpstream('alpha', [KEY]);
  pages = await startServer((_request, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>a page</title><p>a page</p>');
  });
  pagePort = new URL(pages.url).port;
  t = await startTestProxy(testCatalog([{ id: 'alpha', offerings: [{ wireId: 'alpha-m', model: 'alpha-model' }] }]), {
    ALPHA_API_KEY: KEY,
    ALPHA_BASE_URL: `${upstream.url}/v1`,
    PROXY_API_KEYS: TOKEN,
    PROXY_CORS_ORIGINS: `http://app.test:${pagePort}`,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP app.test 127.0.0.1, MAP evil.test 127.0.0.1'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await Promise.all([upstream?.close(), pages?.close()]);
});

checkLogsHoldNoSecrets();

interface PageResult {
  status?: number;
  body?: unknown;
  provider?: string | null;
  allowOrigin?: string | null;
  error?: string;
}

/** A page of `origin` calling the proxy with fetch, as a browser chat UI would. */
async function fromPage(origin: string, run: (page: Page) => Promise<PageResult>): Promise<PageResult> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await run(page);
  } finally {
    await page.close();
  }
}

function chat(page: Page, model: string): Promise<PageResult> {
  return page.evaluate(
    async ({ url, token, model }) => {
      try {
        const response = await fetch(`${url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Say hello' }] }),
        });
        return { status: response.status, body: await response.json(), provider: response.headers.get('x-freeway-provider') };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { url: t.url, token: TOKEN, model },
  );
}

describe('calls from web pages', () => {
  it('an allowed origin gets its preflight answered and reads the answer and its x-freeway headers', async () => {
    const result = await fromPage(`http://app.test:${pagePort}`, (page) => chat(page, 'alpha-model'));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.provider).toBe('alpha');
    expect((result.body as { model: string }).model).toBe('alpha/alpha-m');
  });

  it('a page of this machine (localhost, any port) is allowed without configuration', async () => {
    const result = await fromPage(`http://localhost:${pagePort}`, (page) => chat(page, 'alpha-model'));
    expect(result.status).toBe(200);
  });

  it('an allowed page reads error answers too, in OpenAI format', async () => {
    const result = await fromPage(`http://app.test:${pagePort}`, (page) => chat(page, 'no-such-model'));
    expect(result.status).toBe(404);
    expect((result.body as { error: { code: string } }).error.code).toBe('model_not_found');
  });

  it('another origin is refused before anything is sent upstream, even by a form post that needs no preflight', async () => {
    const before = upstream.chats().length;
    const refused = await fromPage(`http://evil.test:${pagePort}`, async (page) => {
      const cors = await chat(page, 'alpha-model');
      // A "simple" cross-site request: the browser sends it without asking, and cannot read the answer.
      await page.evaluate(
        async ({ url, token }) => {
          await fetch(`${url}/v1/chat/completions`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ model: 'alpha-model', messages: [{ role: 'user', content: `spend ${token}` }] }),
          });
        },
        { url: t.url, token: 'not-the-token' },
      );
      return cors;
    });
    expect(refused.error).toMatch(/Failed to fetch/);
    expect(upstream.chats().length).toBe(before);
    expect(t.logs.filter((line) => line.includes('error=origin_not_allowed')).length).toBeGreaterThanOrEqual(2);
  });

  it('answers a preflight with the allowed methods and headers, and refuses one from another origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/v1/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-stainless-os' },
      });
    const allowed = await preflight(`http://app.test:${pagePort}`);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(`http://app.test:${pagePort}`);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    const refused = await preflight('https://evil.test');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
  });
});

describe('PROXY_CORS_ORIGINS', () => {
  it('takes origins or *, and names a value that is not an origin', () => {
    expect(readConfig({ PROXY_CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(readConfig({ PROXY_CORS_ORIGINS: 'https://chat.example.com, null' }).corsOrigins).toContain('https://chat.example.com');
    expect(() => readConfig({ PROXY_CORS_ORIGINS: 'https://chat.example.com/app' })).toThrow(ConfigError);
    expect(() => readConfig({ PROXY_CORS_ORIGINS: 'chat.example.com' })).toThrow(/"chat\.example\.com" is not an origin/);
  });
});
