/**
 * freeway as `npm start` runs it: startProxy over CATALOG with the provider key and base URL from
 * the environment, logging to stderr (batched, redacted), which the benchmark sends to a file, as
 * a service manager would. Only the port is left to the system.
 */
import { startProxy } from '../../../proxy/server.ts';
import { announce, tieToParent } from './processes.ts';

const proxy = await startProxy({ host: "127.0.0.1", port: 0, log: process.env.SINK === "noop" ? () => undefined : false });
tieToParent(() => proxy.close());
announce(proxy.url);
