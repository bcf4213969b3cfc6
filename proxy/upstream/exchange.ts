import type { Dispatcher } from 'undici';
import type { HeaderMap } from '../limits/rate-headers.ts';

/** Why the proxy stopped an exchange itself. */
export type StopReason = 'timeout' | 'client_closed';

/** A response whose headers have arrived; its body is read once, whole (`text`) or as it comes (`chunks`). */
export interface UpstreamResponse {
  statusCode: number;
  headers: HeaderMap;
  /** The body as UTF-8 text; with a limit, at most that many bytes, the rest dropped with the connection. */
  text(limit?: number): Promise<string>;
  /** Bytes of the body received so far. */
  readonly received: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** Chunks waiting to be read before the upstream is asked to pause (backpressure for a slow client). */
const HIGH_WATER = 16;

/**
 * One request/response with an upstream as an undici dispatch handler: the response resolves when
 * its headers arrive, body chunks are kept until read. It does directly what undici's request()
 * does through a Readable stream, an async resource and an AbortSignal listener per request, which
 * cost a proxy more than the rest of its relaying.
 */
export class Exchange implements Dispatcher.DispatchHandler, UpstreamResponse {
  readonly response: Promise<UpstreamResponse>;
  /** Set when the proxy stopped it: a timeout or the client leaving, not an upstream failure. */
  stopped: StopReason | undefined;
  statusCode = 0;
  headers: HeaderMap = {};
  private controller: Dispatcher.DispatchController | undefined;
  private started = false;
  private resolveResponse: (response: UpstreamResponse) => void = () => undefined;
  private rejectResponse: (error: Error) => void = () => undefined;
  private buffered: Buffer[] = [];
  private read = 0;
  private size = 0;
  private ended = false;
  /** Read as a stream: only then is the upstream paused when the reader falls behind. */
  private streaming = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor() {
    this.response = new Promise((resolve, reject) => {
      this.resolveResponse = resolve;
      this.rejectResponse = reject;
    });
  }

  /** Stops the exchange (a first `reason` is kept); the response or body read in progress fails at once. */
  stop(reason?: StopReason): void {
    if (this.ended) return;
    this.stopped ??= reason;
    const error = new Error(`stopped: ${this.stopped ?? 'discarded'}`);
    this.controller?.abort(error);
    this.fail(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.failure) controller.abort(this.failure);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: HeaderMap): void {
    if (statusCode < 200) return;
    this.started = true;
    this.statusCode = statusCode;
    this.headers = headers;
    this.resolveResponse(this);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.buffered.push(chunk);
    this.size += chunk.length;
    if (this.streaming && this.buffered.length - this.read > HIGH_WATER) controller.pause();
    this.notify();
  }

  onResponseEnd(): void {
    this.ended = true;
    this.notify();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  get received(): number {
    return this.size;
  }

  async text(limit = Infinity): Promise<string> {
    while (!this.ended && this.size < limit) {
      if (this.failure) throw this.failure;
      await this.arrival();
    }
    if (!this.ended) this.stop();
    const body = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    this.buffered = [];
    return body.toString('utf8', 0, Math.min(body.length, limit));
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    this.streaming = true;
    for (;;) {
      if (this.read < this.buffered.length) {
        const chunk = this.buffered[this.read++]!;
        if (this.read === this.buffered.length) {
          this.buffered = [];
          this.read = 0;
        }
        if (this.controller?.paused && this.buffered.length - this.read <= HIGH_WATER / 2) this.controller.resume();
        yield chunk;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.ended) return;
      await this.arrival();
    }
  }

  private fail(error: Error): void {
    if (this.failure || this.ended) return;
    this.failure = error;
    if (!this.started) this.rejectResponse(error);
    this.notify();
  }

  private arrival(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
