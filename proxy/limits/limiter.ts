import type { Window } from '../../schemas/index.ts';
import type { Logger } from '../log.ts';
import { perCandidate } from '../routing/candidate.ts';
import type { Target } from '../routing/table.ts';
import type { ApiKey } from '../routing/upstreams.ts';
import type { Counter, StateStore } from '../state/store.ts';
import type { RateHeaders, RateWindow } from './rate-headers.ts';
import type { CountedMetric, LimitRule } from './rules.ts';
import { windowBounds } from './windows.ts';

/** What one granted request took from which counters, to settle with the real token counts. */
export interface Grant {
  /** The counters as reserved (in the windows of that moment), in the order of `rules`. */
  counters: Counter[];
  rules: LimitRule[];
  estimate: number;
}

export type Acquired = { granted: true; grant: Grant } | { granted: false; retryAt: number };

export interface Usage {
  prompt: number;
  completion: number;
}

/** One limit of one candidate: its counter's key up to the window, and the window last used. */
interface CounterPlan {
  rule: LimitRule;
  prefix: string;
  start: number;
  end: number;
  /** prefix + start: the same string while the clock stays in the window, so it is built once. */
  key: string;
}

/** The state-store keys of one target with one key. One Redis hash slot per provider key ({...}): a script touches one key's counters only. */
interface Plan {
  /** Rests the key for every model of the provider. */
  keyCooldown: string;
  /** Rests the key for this model only. */
  targetCooldown: string;
  cooldowns: string[];
  counters: CounterPlan[];
}

const planOf = perCandidate((target: Target, key: ApiKey): Plan => {
  const group = `{${target.upstream.id}:${key.fingerprint}}`;
  const keyCooldown = `${group}:cd`;
  const targetCooldown = `${group}:cd:${target.wireId}`;
  return {
    keyCooldown,
    targetCooldown,
    cooldowns: [keyCooldown, targetCooldown],
    counters: target.rules.map((rule) => ({ rule, prefix: `${group}:c:${rule.scope}:${rule.metric}:${rule.window}:`, start: Infinity, end: 0, key: '' })),
  };
});

/** The counter of the window holding `now`, moving the plan to a new window when the last one has ended. */
function currentWindow(counter: CounterPlan, now: number, zone: string | undefined): CounterPlan {
  if (now < counter.start || now >= counter.end) {
    const { start, end } = windowBounds(counter.rule.window, now, zone);
    counter.start = start;
    counter.end = end;
    counter.key = counter.prefix + start;
  }
  return counter;
}

/** A lifetime allowance never resets; Redis and JSON need a finite number for "never". */
const NEVER = Number.MAX_SAFE_INTEGER;
const STORE_WARN_EVERY_MS = 60_000;

/**
 * Per key and window, counters seeded from the catalog's free-tier limits, so a key is skipped
 * before its upstream would refuse it; cooldowns until the real reset when an upstream says so.
 * When the store fails, requests go through (answers matter more than counters) and it is logged.
 */
export class Limiter {
  private readonly store: StateStore;
  private readonly clock: () => number;
  private readonly log: Logger;
  private warnedAt = 0;
  /** For the store calls nobody waits for: a failure is logged, never thrown. */
  private readonly storeFailedLater = (error: unknown) => this.storeFailed(error);

  constructor(store: StateStore, clock: () => number, log: Logger) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Takes one request (and the prompt's estimated tokens) from every counter of the key for the
   * target; at once with the memory store, through a promise with Redis.
   */
  acquire(target: Target, key: ApiKey, promptTokens: number): Acquired | Promise<Acquired> {
    const now = this.clock();
    const plan = planOf(target, key);
    const counters: Counter[] = [];
    for (const counter of plan.counters) {
      const { rule, key: counterKey, end } = currentWindow(counter, now, target.upstream.dailyResetZone);
      const finite = end !== Infinity;
      const cost = rule.metric === 'requests' ? 1 : rule.metric === 'output_tokens' ? 0 : promptTokens;
      counters.push({ key: counterKey, cost, limit: rule.value, ttlMs: finite ? end - now + 1000 : 0, resetAt: finite ? end : NEVER });
    }
    const verdict = (blocked: number): Acquired =>
      blocked ? { granted: false, retryAt: blocked } : { granted: true, grant: { counters, rules: target.rules, estimate: promptTokens } };
    const failedOpen = (error: unknown): Acquired => {
      this.storeFailed(error);
      return { granted: true, grant: { counters: [], rules: [], estimate: promptTokens } };
    };
    try {
      const blocked = this.store.reserve(plan.cooldowns, counters);
      return typeof blocked === 'number' ? verdict(blocked) : blocked.then(verdict, failedOpen);
    } catch (error) {
      return failedOpen(error);
    }
  }

  /** Corrects the token counters with what the upstream reported; never waits on the store. */
  settle(grant: Grant, usage: Usage | undefined): void {
    if (!usage || !grant.counters.length) return;
    const increments = [];
    for (let i = 0; i < grant.counters.length; i++) {
      const { key, ttlMs } = grant.counters[i]!;
      const metric = grant.rules[i]!.metric;
      const amount =
        metric === 'tokens' ? usage.prompt + usage.completion - grant.estimate : metric === 'input_tokens' ? usage.prompt - grant.estimate : metric === 'output_tokens' ? usage.completion : 0;
      if (amount) increments.push({ key, amount, ttlMs });
    }
    if (increments.length) this.store.add(increments)?.catch(this.storeFailedLater);
  }

  /** Rests a key until `until`: for this target only, or for every model of the provider. */
  async coolDown(target: Target, key: ApiKey, scope: 'target' | 'key', until: number): Promise<void> {
    const plan = planOf(target, key);
    await this.guard(this.store.coolDown(scope === 'key' ? plan.keyCooldown : plan.targetCooldown, until));
  }

  /**
   * Learns from the rate-limit headers of an answer, without waiting on the store: an exhausted
   * window rests the key, a count above ours raises ours.
   */
  observe(target: Target, key: ApiKey, headers: RateHeaders): void {
    this.learn(target, key, 'requests', headers.requests);
    this.learn(target, key, 'tokens', headers.tokens);
  }

  /** When the window of this kind ends for the target: a daily quota rests a key until midnight, not a few seconds. */
  windowEnd(target: Target, window: Window): number {
    return windowBounds(window, this.clock(), target.upstream.dailyResetZone).end;
  }

  private learn(target: Target, key: ApiKey, metric: CountedMetric, window: RateWindow): void {
    if (window.remaining === undefined) return;
    const now = this.clock();
    if (window.remaining === 0 && window.resetAt !== undefined && window.resetAt > now) void this.coolDown(target, key, 'target', window.resetAt);
    if (window.limit === undefined) return;
    for (const counter of planOf(target, key).counters) {
      if (counter.rule.metric !== metric || counter.rule.value !== window.limit) continue;
      const { key: counterKey, end } = currentWindow(counter, now, target.upstream.dailyResetZone);
      this.store.raise(counterKey, window.limit - window.remaining, end !== Infinity ? end - now + 1000 : 0)?.catch(this.storeFailedLater);
    }
  }

  private async guard(work: Promise<void>): Promise<void> {
    try {
      await work;
    } catch (error) {
      this.storeFailed(error);
    }
  }

  private storeFailed(error: unknown): void {
    const now = this.clock();
    if (now - this.warnedAt < STORE_WARN_EVERY_MS) return;
    this.warnedAt = now;
    this.log.log('warn', 'state store failed; requests go through without limit counters', { store: this.store.kind, error: String(error) });
  }
}
