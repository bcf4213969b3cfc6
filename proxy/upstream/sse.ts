import { UpstreamError } from './upstream-error.ts';

/** One server-sent event: its `event` name if any, and its data lines joined. */
export interface SseMessage {
  event: string | undefined;
  data: string;
}

/**
 * Parses a server-sent event stream (text/event-stream) from raw body chunks, as the HTML spec
 * defines it: lines end in \n, \r\n or \r; `data:` lines accumulate; a blank line dispatches;
 * comments (`:`) and unknown fields are ignored. Shared by every adapter.
 *
 * An event is held until its blank line, so one larger than `maxEventChars` (an endless line, or
 * data lines without end) fails the stream instead of filling memory. Only text that has not been
 * searched yet is searched for a line break, so a long line arriving in many chunks costs its
 * length once, not once per chunk.
 */
export async function* readSse(body: AsyncIterable<Uint8Array>, maxEventChars = MAX_EVENT_CHARS): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = '';
  /** buffer before this index holds no line break. */
  let searched = 0;
  let data: string[] = [];
  let held = 0;
  let event: string | undefined;
  const dispatch = (): SseMessage | undefined => {
    const message = data.length ? { event, data: data.join('\n') } : undefined;
    data = [];
    held = 0;
    event = undefined;
    return message;
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const end = lineEnd(buffer, Math.max(start, searched));
      if (end === -1) break;
      const line = buffer.slice(start, end);
      start = end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1);
      if (line === '') {
        const message = dispatch();
        if (message) yield message;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
      if (field === 'data') {
        data.push(value);
        held += value.length;
      } else if (field === 'event') event = value;
    }
    buffer = buffer.slice(start);
    // A lone \r at the end may yet be followed by its \n: it is searched again.
    searched = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    if (held + buffer.length > maxEventChars) {
      throw new UpstreamError('invalid_response', `a stream event is larger than ${maxEventChars} characters`);
    }
  }
  buffer += decoder.decode();
  // Lenient at the end: a last data line without its line break still counts.
  if (buffer.startsWith('data:')) data.push(buffer.slice(buffer[5] === ' ' ? 6 : 5));
  const last = dispatch();
  if (last) yield last;
}

/** Far above any real event (a delta, or an image in one), far below what would hurt the proxy. */
export const MAX_EVENT_CHARS = 32 * 1024 * 1024;

/** Index of the next line break at or after `from`; a lone \r at the end waits for a possible \n. */
function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf;
  return cr + 1 < text.length ? cr : -1;
}
