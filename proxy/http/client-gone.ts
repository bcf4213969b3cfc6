import type { H3Event } from 'h3';

/**
 * Calls `onGone` once if the client disconnects before its response is complete. On Node, a
 * 'close' listener on the response: what the request's AbortSignal rests on, without building the
 * AbortController and EventTarget listener that every chat request would otherwise pay for.
 */
export function whenClientGone(event: H3Event, onGone: () => void): void {
  const res = event.runtime?.node?.res;
  if (!res) {
    event.req.signal.addEventListener('abort', onGone, { once: true });
    return;
  }
  if (res.destroyed) {
    if (!res.writableEnded) onGone();
    return;
  }
  res.once('close', () => {
    if (!res.writableEnded) onGone();
  });
}
