/**
 * The floor for an h3 proxy that rewrites JSON, as freeway must (the model id both ways): an h3 app
 * on node:http reading the request body, parsing it, setting `model`, serialising it, sending it
 * through the bare relay's undici Agent with a minimal dispatch handler (undici's cheapest client
 * path, as freeway's), then the same on the answer, returned as srvx's FastResponse (h3's cheapest
 * answer on Node, as freeway's). No validation, routing, limits, metrics or logs. Freeway's
 * distance to this row is what its own features cost; this row's distance to the bare relay is
 * what h3 and two JSON round trips cost.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { H3, toNodeHandler } from 'h3';
import { FastResponse } from 'srvx';
import { Agent, type Dispatcher } from 'undici';
import { announce, tieToParent } from './processes.ts';

const upstream = new URL(process.env.BENCH_UPSTREAM_URL ?? '');
const authorization = `Bearer ${process.env.BENCH_UPSTREAM_KEY ?? ''}`;
const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, connect: { timeout: 10_000 } });

/** POSTs `body` upstream; the status and the whole answer as text. */
function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: () => undefined,
      onResponseStart: (_controller, statusCode) => {
        status = statusCode;
      },
      onResponseData: (_controller, chunk) => {
        chunks.push(chunk);
      },
      onResponseEnd: () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }),
      onResponseError: (_controller, error) => reject(error),
    };
    agent.dispatch({ origin: upstream.origin, path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json', authorization }, body }, handler);
  });
}

const app = new H3({ silent: true });
app.on('POST', '/v1/chat/completions', async (event) => {
  const request = JSON.parse(await event.req.text()) as { model?: unknown };
  request.model = String(request.model);
  const { status, text } = await post(JSON.stringify(request));
  const answer = JSON.parse(text) as { model?: unknown };
  answer.model = `floor/${String(answer.model)}`;
  return new FastResponse(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
});

const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, toNodeHandler(app));
tieToParent(async () => {
  server.closeAllConnections();
  server.close();
  await agent.destroy();
});
server.listen(0, '127.0.0.1', () => announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
