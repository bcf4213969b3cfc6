/**
 * The floor for an h3 proxy that rewrites JSON, as freeway must (the model id both ways): the bare
 * relay's undici Agent behind an h3 app on node:http, reading the request body, parsing it, setting
 * `model`, serialising it, forwarding it, then the same on the answer, returned as srvx's
 * FastResponse (h3's cheapest way to answer on Node, which freeway uses too). No validation, routing,
 * limits, metrics or logs. Freeway's distance to this row is what its own features cost; this
 * row's distance to the bare relay is what h3 and two JSON round trips cost.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { H3, toNodeHandler } from 'h3';
import { FastResponse } from 'srvx';
import { Agent } from 'undici';
import { announce, tieToParent } from './processes.ts';

const upstream = new URL(process.env.BENCH_UPSTREAM_URL ?? '');
const authorization = `Bearer ${process.env.BENCH_UPSTREAM_KEY ?? ''}`;
const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, connect: { timeout: 10_000 } });

const app = new H3({ silent: true });
app.on('POST', '/v1/chat/completions', async (event) => {
  const request = JSON.parse(await event.req.text()) as { model?: unknown };
  request.model = String(request.model);
  const response = await agent.request({
    origin: upstream.origin,
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(request),
  });
  const answer = JSON.parse(await response.body.text()) as { model?: unknown };
  answer.model = `floor/${String(answer.model)}`;
  return new FastResponse(JSON.stringify(answer), { status: response.statusCode, headers: { 'content-type': 'application/json' } });
});

const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, toNodeHandler(app));
tieToParent(async () => {
  server.closeAllConnections();
  server.close();
  await agent.destroy();
});
server.listen(0, '127.0.0.1', () => announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
