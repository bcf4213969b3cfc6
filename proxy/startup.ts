import type { ProxyConfig } from './config.ts';
import type { Logger } from './log.ts';
import type { Chains } from './routing/chains.ts';
import type { RoutingTable } from './routing/table.ts';

/** Below this, a client token is guessable (and as a redacted string, it blots out ordinary words). */
const MIN_TOKEN_LENGTH = 16;

/**
 * What a person needs to read at start-up: which providers can be routed to and why the others
 * cannot (no key, a base URL that needs their account, an API shape the proxy does not speak),
 * and how to fix that. Said once here, never per request.
 */
export function reportStartup(table: RoutingTable, chains: Chains, config: ProxyConfig, log: Logger): void {
  const targets = new Map<string, number>();
  for (const target of table.targets) targets.set(target.upstream.id, (targets.get(target.upstream.id) ?? 0) + 1);
  const routable = table.statuses.filter((s) => !s.reason);
  log.log('info', 'catalog loaded', { version: table.version, providers: table.statuses.length, routable: routable.length, source: config.catalog });
  for (const status of routable) {
    log.log('info', 'provider routable', { provider: status.id, keys: status.keys, models: targets.get(status.id) ?? 0 });
  }
  const keyless = table.statuses.filter((s) => s.reason === 'no-key' || (s.reason === 'placeholder-url' && !s.keys));
  if (!routable.length) {
    log.log('warn', 'no provider is routable: no API keys are set', {
      hint: 'set <ID>_API_KEY for the providers you use (e.g. GROQ_API_KEY, GOOGLE_API_KEY), several keys comma-separated, then restart',
    });
  }
  if (keyless.length) log.log('info', 'providers without a key', { providers: keyless.map((s) => s.id).join(','), hint: 'set <ID>_API_KEY to route to them' });
  for (const status of table.statuses.filter((s) => s.reason === 'placeholder-url' && s.keys)) {
    log.log('warn', `${status.id} has a key but its base URL needs your account details: set ${status.baseUrlEnv}`, { provider: status.id });
  }
  const unsupported = table.statuses.filter((s) => s.reason === 'unsupported-shape');
  if (unsupported.length) {
    log.log('info', 'providers skipped: API shape not supported by the proxy', { providers: unsupported.map((s) => `${s.id}(${s.shape})`).join(',') });
  }
  const weak = config.clientKeys.filter((token) => token.length < MIN_TOKEN_LENGTH).length;
  if (weak) {
    log.log('warn', `${weak} of PROXY_API_KEYS ${weak === 1 ? 'is' : 'are'} shorter than ${MIN_TOKEN_LENGTH} characters: easy to guess, and redacted wherever the same letters appear in a log`, {
      hint: 'use random tokens, e.g. openssl rand -hex 24',
    });
  }
  for (const [name, refs] of chains) {
    const unknown = refs.filter((ref) => ref !== 'auto' && !chains.has(ref) && !table.byQualified.has(ref) && !table.byModel.has(ref) && !table.byWireId.has(ref) && !table.keyless.has(ref));
    if (table.byModel.has(name)) log.log('warn', `fallback chain "${name}" hides the model of the same name`);
    if (unknown.length) log.log('warn', `fallback chain "${name}" names models the catalog does not have`, { models: unknown.join(',') });
  }
}
