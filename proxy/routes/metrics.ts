import { FastResponse } from 'srvx';
import type { Services } from '../services.ts';

/** GET /metrics in Prometheus' text format. */
export function metrics(services: Services) {
  return () => new FastResponse(services.metrics.render(), { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } });
}
