import { describeError } from '../scripts/errors.ts';
import { ConfigError } from './errors.ts';
import { flushLogs, formatLine } from './log.ts';
import { startProxy } from './server.ts';

/**
 * `npm start`: the proxy on HOST:PORT (127.0.0.1:8787) over CATALOG (the bundled catalog), with
 * provider keys from <ID>_API_KEY. Stops cleanly on SIGINT and SIGTERM.
 */
async function main(): Promise<void> {
  const proxy = await startProxy();
  const stop = (signal: string) => {
    proxy.services.log.log('info', 'stopping', { signal });
    proxy.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Start-up errors name variables and files, never their secret values.
  const msg = error instanceof ConfigError ? error.message : `failed to start: ${describeError(error)}`;
  // What was logged before the failure comes before it.
  flushLogs();
  process.stderr.write(`${formatLine({ time: new Date().toISOString(), level: 'error', msg })}\n`);
  process.exit(1);
});
