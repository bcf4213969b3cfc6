import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCatalog } from './support/catalog.ts';
import { type OpenAIUpstream, startOpenAIUpstream } from './support/openai-upstream.ts';
import { checkLogsHoldNoSecrets, secret, startTestProxy, type TestProxy } from './support/proxy.ts';

const TOKEN = secret('freeway-client-token-0123456789');
const KEY = secret('sk-alpha-bad-input-0123456789');
const LIMIT = 64 * 1024;

let alpha: OpenAIUpstream;
let t: TestProxy;

beforeAll(async () => {
  alpha = await startOpenAIUpstream('alpha', [KEY]);
  const catalog = testCatalog([{ id: 'alpha', offerings: [{ wireId: 'alpha-m', model: 'good-model', capabilities: ['tools'] }] }]);
  t = await startTestProxy(catalog, { ALPHA_API_KEY: KEY, ALPHA_BASE_URL: `${alpha.url}/v1`, PROXY_API_KEYS: TOKEN, PROXY_BODY_LIMIT_BYTES: String(LIMIT) });
});

afterAll(async () => {
  await t.close();
  await alpha.close();
});

checkLogsHoldNoSecrets();

const messages = [{ role: 'user', content: 'hi' }];
const valid = { model: 'good-model', messages };

interface Case {
  body: string | Uint8Array;
  status: number;
  code?: string;
  param?: string;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
}

const json = (value: unknown) => JSON.stringify(value);

/** Bad input of every kind; each must get a 4xx in OpenAI's error shape, and reach no upstream. */
const CORPUS: Record<string, Case> = {
  'malformed JSON': { body: '{"model": "good-model", "messages": [', status: 400, code: 'invalid_json' },
  'an empty body': { body: '', status: 400, code: 'invalid_json' },
  'binary garbage': { body: new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x7b]), status: 400, code: 'invalid_json' },
  'a JSON array': { body: json([valid]), status: 400 },
  'a JSON string': { body: json('hello'), status: 400 },
  'JSON null': { body: 'null', status: 400 },
  'no model': { body: json({ messages }), status: 400, param: 'model' },
  'a numeric model': { body: json({ model: 42, messages }), status: 400, param: 'model' },
  'no messages': { body: json({ model: 'good-model' }), status: 400, param: 'messages' },
  'messages not a list': { body: json({ model: 'good-model', messages: 'hi' }), status: 400, param: 'messages' },
  'an empty message list': { body: json({ model: 'good-model', messages: [] }), status: 400, param: 'messages' },
  'an unknown role': { body: json({ model: 'good-model', messages: [{ role: 'wizard', content: 'hi' }] }), status: 400, param: 'messages.0.role' },
  'numeric content': { body: json({ model: 'good-model', messages: [{ role: 'user', content: 7 }] }), status: 400, param: 'messages.0.content' },
  'an unknown content part': { body: json({ model: 'good-model', messages: [{ role: 'user', content: [{ type: 'hologram' }] }] }), status: 400, param: 'messages.0.content' },
  'a tool message without tool_call_id': { body: json({ model: 'good-model', messages: [{ role: 'tool', content: 'x' }] }), status: 400, param: 'messages.0.tool_call_id' },
  'temperature as text': { body: json({ ...valid, temperature: 'hot' }), status: 400, param: 'temperature' },
  'temperature out of range': { body: json({ ...valid, temperature: 5 }), status: 400, param: 'temperature' },
  'an infinite number': { body: `{"model":"good-model","messages":[{"role":"user","content":"hi"}],"temperature":1e999}`, status: 400, param: 'temperature' },
  'fractional max_tokens': { body: json({ ...valid, max_tokens: 1.5 }), status: 400, param: 'max_tokens' },
  'negative max_tokens': { body: json({ ...valid, max_tokens: -1 }), status: 400, param: 'max_tokens' },
  'n of zero': { body: json({ ...valid, n: 0 }), status: 400, param: 'n' },
  'stream as text': { body: json({ ...valid, stream: 'yes' }), status: 400, param: 'stream' },
  'tools not a list': { body: json({ ...valid, tools: { name: 'x' } }), status: 400, param: 'tools' },
  'a tool of another type': { body: json({ ...valid, tools: [{ type: 'retrieval', function: { name: 'x' } }] }), status: 400, param: 'tools.0.type' },
  'a tool name with spaces': { body: json({ ...valid, tools: [{ type: 'function', function: { name: 'get weather' } }] }), status: 400, param: 'tools.0.function.name' },
  'an unknown tool_choice': { body: json({ ...valid, tool_choice: 'sometimes' }), status: 400, param: 'tool_choice' },
  'an unknown response_format': { body: json({ ...valid, response_format: { type: 'xml' } }), status: 400, param: 'response_format.type' },
  'a numeric provider': { body: json({ ...valid, provider: 42 }), status: 400, param: 'provider' },
  'an unknown provider': { body: json({ ...valid, provider: 'nobody' }), status: 400, code: 'unknown_provider', param: 'provider' },
  'an unknown model_quality': { body: json({ ...valid, model: 'auto', model_quality: 'cheap' }), status: 400, param: 'model_quality' },
  'an unknown model': { body: json({ ...valid, model: 'gpt-17-ultra' }), status: 404, code: 'model_not_found', param: 'model' },
  'an unknown wire id of a known provider': { body: json({ ...valid, model: 'alpha/nope' }), status: 404, code: 'model_not_found' },
  'an unknown model among models': { body: json({ messages, models: ['good-model', 'nope'] }), status: 404, code: 'model_not_found' },
  'a body over the limit (Content-Length)': { body: json({ ...valid, padding: 'x'.repeat(LIMIT) }), status: 413, code: 'request_too_large' },
  'a gzipped body': { body: gzipSync(json(valid)), status: 415, code: 'unsupported_content_encoding', headers: { 'content-encoding': 'gzip' } },
  'no Authorization header': { body: json(valid), status: 401, code: 'invalid_api_key', headers: { authorization: '' } },
  'a wrong token': { body: json(valid), status: 401, code: 'invalid_api_key', headers: { authorization: 'Bearer not-the-token' } },
  'Basic auth': { body: json(valid), status: 401, code: 'invalid_api_key', headers: { authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}` } },
  'GET on the chat route': { body: '', status: 405, code: 'method_not_allowed', method: 'GET' },
  'an unknown path': { body: json(valid), status: 404, code: 'unknown_url', path: '/v1/completions' },
};

describe('bad input gets a 4xx in OpenAI’s error format, never a 5xx', () => {
  it.each(Object.entries(CORPUS))('%s', async (_, c) => {
    const response = await t.fetch(c.path ?? '/v1/chat/completions', {
      method: c.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...c.headers },
      ...(c.method === 'GET' ? {} : { body: c.body }),
    });
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(response.status).toBe(c.status);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({ message: expect.any(String), type: expect.any(String), param: c.param ?? expect.toBeOneOf([null, expect.any(String)]), code: c.code ?? expect.any(String) });
    expect(String(body.error.message).length).toBeGreaterThan(10);
  });

  it('refuses a chunked body over the limit while reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"model":"good-model","messages":[{"role":"user","content":"');
      for (let i = 0; i < 20; i++) req.write('x'.repeat(8192));
      req.end('"}]}');
    });
    expect(status).toBe(413);
  });

  it('takes a __proto__ key as plain data', async () => {
    const response = await t.fetch('/v1/chat/completions', { method: 'POST', body: `{"model":"good-model","messages":[{"role":"user","content":"hi"}],"__proto__":{"polluted":true}}` });
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips a byte order mark before the JSON, as some Windows tools write one', async () => {
    const response = await t.fetch('/v1/chat/completions', { method: 'POST', body: `\uFEFF${json(valid)}` });
    expect(response.status).toBe(200);
  });

  it('tells a client configured without /v1 where the API is', async () => {
    const response = await t.fetch('/chat/completions', { method: 'POST', body: json(valid) });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Invalid URL (POST /chat/completions); the API is under /v1: POST /v1/chat/completions');
  });

  it('points out a doubled slash or a capital V in the path', async () => {
    for (const [path, meant] of [['/v1//chat/completions', '/v1/chat/completions'], ['//v1/chat/completions', '/v1/chat/completions'], ['/V1/chat/completions', '/v1/chat/completions']] as const) {
      const response = await t.fetch(path, { method: 'POST', body: json(valid) });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(`Invalid URL (POST ${path}); did you mean POST ${meant}?`);
    }
    const elsewhere = await t.fetch('/v1/embeddings', { method: 'POST', body: json({ model: 'x', input: 'a' }) });
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toBe('Invalid URL (POST /v1/embeddings)');
  });

  it('sent nothing upstream for any of it (only the two good requests above), and still serves', async () => {
    expect(alpha.chats()).toHaveLength(2);
    expect((await t.fetch('/healthz')).status).toBe(200);
    expect((await t.fetch('/v1/chat/completions', { method: 'POST', body: json(valid) })).status).toBe(200);
  });
});
