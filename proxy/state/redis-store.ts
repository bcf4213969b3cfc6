import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import type { Counter, Increment, StateStore } from './store.ts';

// Each script checks and changes in one step, which Redis runs atomically. A counter gets its
// expiry when it is created (PTTL -1), so a window's counter dies with its window.
const RESERVE = `
local now = tonumber(ARGV[1])
local ncd = tonumber(ARGV[2])
local blocked = 0
for i = 1, ncd do
  local v = tonumber(redis.call('GET', KEYS[i]) or '0')
  if v > now and v > blocked then blocked = v end
end
for i = ncd + 1, #KEYS do
  local a = 3 + (i - ncd - 1) * 4
  local cost, limit, reset = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 3])
  local cur = tonumber(redis.call('GET', KEYS[i]) or '0')
  local room = (cost > 0 and cur + cost <= limit) or (cost <= 0 and cur < limit)
  if not room and reset > blocked then blocked = reset end
end
if blocked > 0 then return tostring(blocked) end
for i = ncd + 1, #KEYS do
  local a = 3 + (i - ncd - 1) * 4
  local cost, ttl = tonumber(ARGV[a]), tonumber(ARGV[a + 2])
  if cost > 0 then
    redis.call('INCRBY', KEYS[i], cost)
    if ttl > 0 and redis.call('PTTL', KEYS[i]) == -1 then redis.call('PEXPIRE', KEYS[i], ttl) end
  end
end
return '0'`;

const ADD = `
for i = 1, #KEYS do
  local amount, ttl = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  if redis.call('INCRBY', KEYS[i], amount) < 0 then redis.call('SET', KEYS[i], 0, 'KEEPTTL') end
  if ttl > 0 and redis.call('PTTL', KEYS[i]) == -1 then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return 0`;

const RAISE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
  if tonumber(ARGV[2]) > 0 and redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
end
return 0`;

const COOL_DOWN = `
if tonumber(ARGV[1]) > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 0`;

/** A Redis that does not answer in this time counts as down: the limiter then lets requests through. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * Tries at start-up (0.1 + 0.2 + ... + 1.6 s): a Redis started alongside the proxy has time to come
 * up, a wrong REDIS_URL is said at once instead of retried for ever.
 */
const START_RETRIES = 5;

/**
 * Without the offline queue a command fails at once while Redis is away, instead of waiting. Once
 * connected, the client reconnects for ever; before, only START_RETRIES times.
 */
function newClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) => (connected() || retries < START_RETRIES ? Math.min(100 * 2 ** retries, 5000) : cause),
    },
  });
}

type Client = ReturnType<typeof newClient>;

/** Counters, cooldowns and usage shared by every proxy instance on one Redis. */
export class RedisStore implements StateStore {
  readonly kind = 'redis';
  private readonly client: Client;
  private readonly prefix: string;
  private readonly clock: () => number;

  private constructor(client: Client, prefix: string, clock: () => number) {
    this.client = client;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** Connects, or rejects after START_RETRIES; `onError` hears about every lost connection (the client reconnects by itself). */
  static async connect(url: string, prefix: string, clock: () => number, onError: (error: Error) => void): Promise<RedisStore> {
    let connected = false;
    const client = newClient(url, () => connected);
    client.on('error', onError);
    await client.connect();
    connected = true;
    const store = new RedisStore(client, prefix, clock);
    await client.set(`${prefix}usage:since`, String(clock()), { condition: 'NX' });
    return store;
  }

  async reserve(cooldowns: string[], counters: Counter[]): Promise<number> {
    const args = [String(this.clock()), String(cooldowns.length)];
    for (const c of counters) args.push(String(c.cost), String(c.limit), String(c.ttlMs), String(c.resetAt));
    const reply = await this.run(RESERVE, [...cooldowns, ...counters.map((c) => c.key)], args);
    return Number(reply);
  }

  async add(increments: Increment[]): Promise<void> {
    if (!increments.length) return;
    await this.run(ADD, increments.map((i) => i.key), increments.flatMap((i) => [String(Math.round(i.amount)), String(i.ttlMs)]));
  }

  async raise(key: string, value: number, ttlMs: number): Promise<void> {
    await this.run(RAISE, [key], [String(Math.round(value)), String(ttlMs)]);
  }

  async coolDown(key: string, until: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(until - this.clock()));
    await this.run(COOL_DOWN, [key], [String(Math.round(until)), String(ttl)]);
  }

  async addUsage(increments: Array<[string, number]>): Promise<void> {
    const multi = this.client.multi();
    for (const [field, amount] of increments) multi.hIncrBy(`${this.prefix}usage`, field, Math.round(amount));
    await timed(multi.exec());
  }

  async readUsage(): Promise<{ since: number; fields: Map<string, number> }> {
    const [since, fields] = await timed(Promise.all([this.client.get(`${this.prefix}usage:since`), this.client.hGetAll(`${this.prefix}usage`)]));
    return { since: Number(since ?? this.clock()), fields: new Map(Object.entries(fields).map(([field, value]) => [field, Number(value)])) };
  }

  async ping(): Promise<void> {
    await timed(this.client.ping());
  }

  /** Closes gracefully when connected; while Redis is away there is nothing to wait for. */
  async close(): Promise<void> {
    if (this.client.isReady) await timed(this.client.close()).catch(() => this.client.destroy());
    else if (this.client.isOpen) this.client.destroy();
  }

  /** EVALSHA, loading the script with EVAL when Redis does not know it yet. */
  private async run(script: string, keys: string[], args: string[]): Promise<unknown> {
    const prefixed = keys.map((key) => this.prefix + key);
    const send = (command: string, body: string) => this.client.sendCommand([command, body, String(prefixed.length), ...prefixed, ...args]);
    try {
      return await timed(send('EVALSHA', sha1(script)));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await timed(send('EVAL', script));
    }
  }
}

const hashes = new Map<string, string>();

function sha1(script: string): string {
  let hash = hashes.get(script);
  if (!hash) {
    hash = createHash('sha1').update(script).digest('hex');
    hashes.set(script, hash);
  }
  return hash;
}

function timed<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
