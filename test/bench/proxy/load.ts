/**
 * A saturating load run in its own process: autocannon against one target with a fixed number of
 * connections, each sending its next request as soon as the last is answered; a warm-up first,
 * then the measured run. Latencies are taken from every response with sub-millisecond resolution
 * (autocannon's own histogram rounds to whole milliseconds, too coarse for a proxy's overhead).
 */
import autocannon from 'autocannon';
import { watchCpu } from './cpu.ts';
import { type Latency, latencyOf } from './stats.ts';
import { serveJob } from './processes.ts';

export interface LoadInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  warmupS: number;
  durationS: number;
  /** For a paced run (paced.ts): requests per second over all connections. */
  rate?: number;
  /** Processes whose CPU time per request to report (Linux /proc), e.g. the server under test. */
  watch?: number[];
}

export interface LoadResult extends Latency {
  rps: number;
  requests: number;
  /** Non-2xx answers and connection errors (autocannon counts timeouts among them): any of them makes the run invalid. */
  failed: number;
  /** CPU time (user + system) each watched process spent per answered request, in microseconds. */
  cpuUs: Array<number | undefined>;
}

function run(input: LoadInput, durationS: number, record: boolean): Promise<LoadResult> {
  const samples: number[] = [];
  const cpu = watchCpu(input.watch ?? []);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        method: 'POST',
        headers: input.headers,
        body: input.body,
        connections: input.connections,
        duration: durationS,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        const requests = result['2xx'];
        resolve({ rps: requests / result.duration, requests, failed: result.non2xx + result.errors, cpuUs: cpu(requests), ...latencyOf(samples) });
      },
    );
    if (record) instance.on('response', (_client, status, _bytes, ms) => status === 200 && samples.push(ms));
  });
}

serveJob<LoadInput, LoadResult>(async (input) => {
  if (input.warmupS > 0) await run(input, input.warmupS, false);
  return run(input, input.durationS, true);
});
