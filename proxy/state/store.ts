/**
 * Where rate-limit counters, cooldowns and usage live: in this process by default, in Redis when
 * several instances must respect one limit. Every operation that checks and changes a limit is one
 * atomic step, so two instances can never both take the last request of a window.
 */

export interface Counter {
  key: string;
  /** What this request adds; 0 only checks that the counter is below its limit. */
  cost: number;
  limit: number;
  /** How long the counter lives once created; 0 for ever (a lifetime allowance). */
  ttlMs: number;
  /** When the window ends: how long a refusal lasts. */
  resetAt: number;
}

export interface Increment {
  key: string;
  amount: number;
  ttlMs: number;
}

export interface StateStore {
  readonly kind: 'memory' | 'redis';
  /**
   * If no cooldown key holds a time after now and every counter has room for its cost, adds every
   * cost and returns 0; otherwise changes nothing and returns when the latest blocker ends. The
   * memory store answers at once, since every request asks it (Redis answers with a promise).
   */
  reserve(cooldowns: string[], counters: Counter[]): number | Promise<number>;
  /** Adds amounts (possibly negative, never below zero) to counters, e.g. the real token count. */
  add(increments: Increment[]): void | Promise<void>;
  /** Raises a counter to at least `value`: an upstream said more was used than we counted. */
  raise(key: string, value: number, ttlMs: number): void | Promise<void>;
  /** Blocks a cooldown key until `until` (keeping a later block already there). */
  coolDown(key: string, until: number): Promise<void>;
  addUsage(increments: Array<[field: string, amount: number]>): void | Promise<void>;
  readUsage(): Promise<{ since: number; fields: Map<string, number> }>;
  /** Resolves when the store answers; rejects with the reason when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The check both stores make: does a counter at `current` have room for `cost` under `limit`? */
export function hasRoom(current: number, cost: number, limit: number): boolean {
  return cost > 0 ? current + cost <= limit : current < limit;
}
