import type { H3Event } from 'h3';
import { clientClosed, invalidRequest, ProxyError } from '../errors.ts';

/**
 * The request body, refused with a 413 beyond `limit` bytes: at once when Content-Length says so,
 * while reading when the body comes chunked. A compressed body gets a 415 that says so, rather than
 * a JSON error quoting its binary. A client that leaves while sending it gets a 499 in the log,
 * not a server error.
 */
export async function readBodyText(event: H3Event, limit: number): Promise<string> {
  const coding = event.req.headers.get('content-encoding');
  if (coding !== null && coding.trim().toLowerCase() !== 'identity') throw unsupportedCoding(coding);
  const length = event.req.headers.get('content-length');
  if (length !== null && Number(length) > limit) throw tooLarge(limit);
  try {
    // Node's parser holds a body to its Content-Length, so only a chunked body needs counting.
    return length !== null ? await event.req.text() : await readCounted(event.req.body, limit);
  } catch (error) {
    throw error instanceof ProxyError ? error : clientClosed();
  }
}

/**
 * The body as JSON. Any Content-Type is accepted (curl -d sends a form type), but the body must be
 * JSON; a byte order mark before it (as some Windows tools write) is skipped.
 */
export function parseJsonBody(body: string): unknown {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only a failed parse looks at why: trimming a large body on every request would copy it.
    if (!text.trim()) throw invalidRequest('the request body is empty: send a JSON chat completion request', undefined, 'invalid_json');
    throw invalidRequest(`the request body is not valid JSON: ${(error as Error).message}`, undefined, 'invalid_json');
  }
}

async function readCounted(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function unsupportedCoding(coding: string): ProxyError {
  return new ProxyError(`the request body is sent with Content-Encoding: ${coding.slice(0, 40)}; send it uncompressed`, {
    status: 415,
    type: 'invalid_request_error',
    code: 'unsupported_content_encoding',
  });
}

function tooLarge(limit: number): ProxyError {
  return new ProxyError(`the request body is larger than ${limit} bytes (PROXY_BODY_LIMIT_BYTES)`, {
    status: 413,
    type: 'invalid_request_error',
    code: 'request_too_large',
  });
}
