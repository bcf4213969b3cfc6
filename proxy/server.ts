import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'srvx/node';
import type { Catalog } from '../schemas/index.ts';
import { createApp } from './app.ts';
import { withRequestLog } from './http/request-log.ts';
import { isUrl, type LoadedCatalog, loadCatalog } from './catalog/load.ts';
import { refreshCatalog } from './catalog/refresh.ts';
import { BUNDLED_CATALOG, type Env, type ProxyConfig, readConfig } from './config.ts';
import { ConfigError } from './errors.ts';
import { Limiter } from './limits/limiter.ts';
import { createLogger, createRedactor, type Logger, type LogSink } from './log.ts';
import { Metrics } from './metrics/metrics.ts';
import { loadChains } from './routing/chains.ts';
import { Health } from './routing/health.ts';
import { KeyPool } from './routing/key-pool.ts';
import { buildRoutingTable } from './routing/table.ts';
import type { Services } from './services.ts';
import { reportStartup } from './startup.ts';
import { MemoryStore } from './state/memory-store.ts';
import { RedisStore } from './state/redis-store.ts';
import type { StateStore } from './state/store.ts';
import { createAgent } from './upstream/http.ts';
import { UsageBook } from './usage.ts';
import { secretsIn } from './secrets.ts';

export interface StartOptions {
  /** Keys, base URLs and settings; process.env when absent. */
  env?: Env;
  /** Override HOST and PORT (0: any free port). */
  host?: string;
  port?: number;
  /** A catalog directory or URL (overrides CATALOG), or a catalog object used as is. */
  catalog?: string | Catalog;
  /** Where log lines go (already redacted); stderr by default; false for none. */
  log?: LogSink | false;
  /** Wall clock for limit windows and cooldowns; Date.now by default. */
  clock?: () => number;
}

export interface RunningProxy {
  url: string;
  host: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** Starts the proxy: what `npm start` runs, and what tests and benchmarks start in-process. */
export async function startProxy(options: StartOptions = {}): Promise<RunningProxy> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? Date.now;
  const config = readConfig({
    ...env,
    ...(options.host !== undefined ? { HOST: options.host } : {}),
    ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
    ...(typeof options.catalog === 'string' ? { CATALOG: options.catalog } : {}),
  });
  const log = createLogger(options.log ?? 'stderr', createRedactor(secretsIn(config.env, config.redisUrl)), clock);
  const loaded = typeof options.catalog === 'object' ? { catalog: options.catalog, etag: undefined } : await firstCatalog(config, log);
  const chains = await loadChains(config.fallbacksFile);
  let table = buildRoutingTable(loaded.catalog, config.env);
  const store = await openStore(config, clock, log);
  const metrics = new Metrics();
  metrics.catalogLoaded(table.version, table.upstreams.size);
  const agent = createAgent();
  const services: Services = {
    config,
    table: () => table,
    chains,
    limiter: new Limiter(store, clock, log),
    health: new Health(clock),
    keys: new KeyPool(),
    metrics,
    usage: new UsageBook(store, (error) => log.once('usage-store', 'warn', 'usage could not be recorded', { error: String(error) })),
    store,
    agent,
    log,
    clock,
  };
  reportStartup(table, chains, config, log);
  const stopRefresh =
    typeof options.catalog !== 'object' && isUrl(config.catalog)
      ? refreshCatalog({
          url: config.catalog,
          etag: loaded.etag,
          intervalMs: config.catalogRefreshMs,
          log,
          onCatalog: (catalog) => {
            table = buildRoutingTable(catalog, config.env);
            metrics.catalogLoaded(table.version, table.upstreams.size);
          },
        })
      : () => undefined;
  // srvx types its handler for HTTP/1 and HTTP/2 servers alike; this one serves HTTP/1.
  const handler = toNodeHandler(withRequestLog(createApp(services), services)) as RequestListener;
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, handler);
  try {
    await listen(server, config);
  } catch (error) {
    stopRefresh();
    await Promise.all([store.close(), agent.destroy()]);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.log('info', 'listening', {
    url,
    auth: config.clientKeys.length ? 'bearer token (PROXY_API_KEYS)' : 'none: loopback only; set PROXY_API_KEYS to require a token',
    store: store.kind,
  });
  return {
    url,
    host: config.host,
    port,
    services,
    close: async () => {
      stopRefresh();
      await closeServer(server);
      await Promise.all([store.close(), agent.destroy()]);
    },
  };
}

/** The configured catalog; a URL that fails at start-up falls back to the bundled one and keeps trying. */
async function firstCatalog(config: ProxyConfig, log: Logger): Promise<LoadedCatalog> {
  if (!isUrl(config.catalog)) return loadCatalog(config.catalog);
  try {
    return await loadCatalog(config.catalog);
  } catch (error) {
    log.log('warn', 'catalog URL failed at start-up; using the bundled catalog until a refresh succeeds', { url: config.catalog, error: String(error) });
    return loadCatalog(BUNDLED_CATALOG);
  }
}

async function openStore(config: ProxyConfig, clock: () => number, log: Logger): Promise<StateStore> {
  if (!config.redisUrl) return new MemoryStore(clock);
  try {
    return await RedisStore.connect(config.redisUrl, config.redisPrefix, clock, (error) => log.log('warn', 'redis connection error', { error: error.message }));
  } catch (error) {
    throw new ConfigError(`cannot connect to REDIS_URL: ${(error as Error).message}`);
  }
}

function listen(server: Server, config: ProxyConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new ConfigError(error.code === 'EADDRINUSE' ? `${config.host}:${config.port} is already in use: set PORT to a free port` : `cannot listen on ${config.host}:${config.port}: ${error.message}`));
    });
    server.listen(config.port, config.host, () => resolve());
  });
}

/** Stops accepting, lets requests in flight finish for a few seconds, then cuts what is left. */
async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 5000);
  await closed;
  clearTimeout(timer);
}
