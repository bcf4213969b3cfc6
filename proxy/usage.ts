import type { Usage } from './limits/limiter.ts';
import { perCandidate } from './routing/candidate.ts';
import type { Target } from './routing/table.ts';
import type { ApiKey } from './routing/upstreams.ts';
import type { StateStore } from './state/store.ts';

const COUNTS = ['requests', 'failures', 'prompt_tokens', 'completion_tokens'] as const;
type Count = (typeof COUNTS)[number];
type Totals = Record<Count, number>;

export interface KeyUsage extends Totals {
  /** A short sha256 prefix of the key: enough to tell keys apart, useless to anyone who reads it. */
  key: string;
}

export interface ModelUsage extends Totals {
  model: string;
  keys: KeyUsage[];
}

export interface ProviderUsage extends Totals {
  provider: string;
  models: ModelUsage[];
}

export interface UsageReport {
  object: 'usage';
  since: string;
  store: string;
  providers: ProviderUsage[];
}

/** The store's field name of each count of one target with one key: "<target>\t<key fingerprint>\t<count>". */
const fieldsOf = perCandidate((target: Target, key: ApiKey) => {
  const field = (count: Count) => `${target.id}\t${key.fingerprint}\t${count}`;
  return { requests: field('requests'), failures: field('failures'), prompt_tokens: field('prompt_tokens'), completion_tokens: field('completion_tokens') };
});

/** Requests, failures and tokens per provider, model and key, kept in the state store (shared with Redis). */
export class UsageBook {
  private readonly store: StateStore;
  private readonly onError: (error: unknown) => void;

  constructor(store: StateStore, onError: (error: unknown) => void) {
    this.store = store;
    this.onError = onError;
  }

  /** Counts one attempt; never waits on the store and never fails the request. */
  record(target: Target, key: ApiKey, ok: boolean, usage: Usage | undefined): void {
    const fields = fieldsOf(target, key);
    const increments: Array<[string, number]> = [[ok ? fields.requests : fields.failures, 1]];
    if (usage?.prompt) increments.push([fields.prompt_tokens, usage.prompt]);
    if (usage?.completion) increments.push([fields.completion_tokens, usage.completion]);
    this.store.addUsage(increments)?.catch(this.onError);
  }

  async report(): Promise<UsageReport> {
    const { since, fields } = await this.store.readUsage();
    const providers = new Map<string, ProviderUsage>();
    for (const [field, amount] of fields) {
      const [model, key, count] = field.split('\t') as [string, string, Count];
      if (!model || !key || !COUNTS.includes(count)) continue;
      const providerId = model.slice(0, model.indexOf('/'));
      let provider = providers.get(providerId);
      if (!provider) providers.set(providerId, (provider = { provider: providerId, ...zero(), models: [] }));
      let modelUsage = provider.models.find((m) => m.model === model);
      if (!modelUsage) provider.models.push((modelUsage = { model, ...zero(), keys: [] }));
      let keyUsage = modelUsage.keys.find((k) => k.key === key);
      if (!keyUsage) modelUsage.keys.push((keyUsage = { key, ...zero() }));
      keyUsage[count] += amount;
      modelUsage[count] += amount;
      provider[count] += amount;
    }
    const sorted = [...providers.values()].sort((a, b) => a.provider.localeCompare(b.provider));
    for (const provider of sorted) {
      provider.models.sort((a, b) => a.model.localeCompare(b.model));
      for (const model of provider.models) model.keys.sort((a, b) => a.key.localeCompare(b.key));
    }
    return { object: 'usage', since: new Date(since).toISOString(), store: this.store.kind, providers: sorted };
  }
}

function zero(): Totals {
  return { requests: 0, failures: 0, prompt_tokens: 0, completion_tokens: 0 };
}
