import { processMetrics } from './process.ts';
import { Counter, Gauge, Histogram } from './registry.ts';

const LATENCY = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
// The proxy's own time is meant to be sub-millisecond: fine buckets down there.
const OVERHEAD = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1];

/** Everything /metrics exports. Labels are provider ids, qualified model ids, statuses: never a key. */
export class Metrics {
  private readonly requests = new Counter('freeway_requests_total', 'Requests answered, by route and status.', ['route', 'status']);
  private readonly duration = new Histogram('freeway_request_duration_seconds', 'Time to answer a request (streams: to the first byte).', ['route'], LATENCY);
  private readonly overhead = new Histogram(
    'freeway_overhead_seconds',
    'Time the proxy adds: total time minus time waiting on upstreams (streams: to the first byte).',
    ['route'],
    OVERHEAD,
  );
  private readonly upstream = new Counter('freeway_upstream_responses_total', 'Upstream attempts by provider and outcome (HTTP status, timeout, connection, ...).', ['provider', 'status']);
  private readonly upstreamTime = new Histogram('freeway_upstream_duration_seconds', 'Time waiting on an upstream per attempt.', ['provider'], LATENCY);
  private readonly failovers = new Counter('freeway_failovers_total', 'Attempts that failed and moved on to another key or provider.', ['provider', 'reason']);
  private readonly limited = new Counter('freeway_limited_total', 'Keys skipped before calling, at a local limit or cooling down.', ['provider']);
  private readonly streamErrors = new Counter('freeway_stream_errors_total', 'Streams that failed after their first content and ended with an error event.', ['provider']);
  private readonly tokens = new Counter('freeway_tokens_total', 'Tokens reported by upstreams.', ['provider', 'model', 'type']);
  private readonly catalog = new Gauge('freeway_catalog_info', 'The catalog version in use.', ['version']);
  private readonly routable = new Gauge('freeway_routable_providers', 'Providers with a key (or needing none) and a supported API.', []);

  request(route: string, status: number, seconds: number, overheadSeconds: number | undefined): void {
    this.requests.inc([route, String(status)]);
    this.duration.observe([route], seconds);
    if (overheadSeconds !== undefined) this.overhead.observe([route], Math.max(0, overheadSeconds));
  }

  attempt(provider: string, status: string, seconds: number): void {
    this.upstream.inc([provider, status]);
    this.upstreamTime.observe([provider], seconds);
  }

  failover(provider: string, reason: string): void {
    this.failovers.inc([provider, reason]);
  }

  skipped(provider: string): void {
    this.limited.inc([provider]);
  }

  streamError(provider: string): void {
    this.streamErrors.inc([provider]);
  }

  usage(provider: string, model: string, prompt: number, completion: number): void {
    if (prompt) this.tokens.inc([provider, model, 'prompt'], prompt);
    if (completion) this.tokens.inc([provider, model, 'completion'], completion);
  }

  catalogLoaded(version: string, routableProviders: number): void {
    this.catalog.reset();
    this.catalog.set([version], 1);
    this.routable.set([], routableProviders);
  }

  render(): string {
    const all = [this.requests, this.duration, this.overhead, this.upstream, this.upstreamTime, this.failovers, this.limited, this.streamErrors, this.tokens, this.catalog, this.routable];
    return `${[...all.flatMap((metric) => metric.render()), ...processMetrics()].join('\n')}\n`;
  }
}
