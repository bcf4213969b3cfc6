import { type Counter, hasRoom, type Increment, type StateStore } from './store.ts';

interface Entry {
  value: number;
  /** 0: never. */
  expiresAt: number;
}

const SWEEP_MS = 60_000;

/** Counters, cooldowns and usage in this process; every operation is synchronous, hence atomic. */
export class MemoryStore implements StateStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();
  private readonly usage = new Map<string, number>();
  private readonly since: number;
  private readonly clock: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(clock: () => number) {
    this.clock = clock;
    this.since = clock();
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  reserve(cooldowns: string[], counters: Counter[]): number {
    const now = this.clock();
    let blocked = 0;
    for (const key of cooldowns) {
      const until = this.read(key, now);
      if (until > now && until > blocked) blocked = until;
    }
    for (const counter of counters) {
      if (!hasRoom(this.read(counter.key, now), counter.cost, counter.limit) && counter.resetAt > blocked) blocked = counter.resetAt;
    }
    if (blocked) return blocked;
    for (const counter of counters) {
      if (counter.cost > 0) this.change(counter.key, counter.cost, counter.ttlMs, now);
    }
    return 0;
  }

  add(increments: Increment[]): void {
    const now = this.clock();
    for (const { key, amount, ttlMs } of increments) this.change(key, amount, ttlMs, now);
  }

  raise(key: string, value: number, ttlMs: number): void {
    const now = this.clock();
    const current = this.read(key, now);
    if (current < value) this.change(key, value - current, ttlMs, now);
  }

  coolDown(key: string, until: number): Promise<void> {
    const now = this.clock();
    if (until > this.read(key, now)) this.entries.set(key, { value: until, expiresAt: until });
    return Promise.resolve();
  }

  addUsage(increments: Array<[string, number]>): void {
    for (const [field, amount] of increments) this.usage.set(field, (this.usage.get(field) ?? 0) + amount);
  }

  readUsage(): Promise<{ since: number; fields: Map<string, number> }> {
    return Promise.resolve({ since: this.since, fields: new Map(this.usage) });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    return Promise.resolve();
  }

  private read(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    if (entry.expiresAt && entry.expiresAt <= now) {
      this.entries.delete(key);
      return 0;
    }
    return entry.value;
  }

  /** Adds to a counter; a new counter starts its life now, an existing one keeps its expiry. */
  private change(key: string, amount: number, ttlMs: number, now: number): void {
    const current = this.read(key, now);
    const entry = this.entries.get(key);
    const expiresAt = entry ? entry.expiresAt : ttlMs > 0 ? now + ttlMs : 0;
    this.entries.set(key, { value: Math.max(0, current + amount), expiresAt });
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt && entry.expiresAt <= now) this.entries.delete(key);
  }
}
