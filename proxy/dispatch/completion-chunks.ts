import type { Completion, StreamChunk } from '../upstream/adapter.ts';
import { arrayOf, isObject, type JsonObject, numberOf } from '../upstream/json.ts';

/**
 * A whole chat.completion as the stream that would have carried it: one chunk holding each
 * choice's message as its delta (tool calls numbered, as deltas number them) and its finish, then
 * the usage chunk, which the relay passes on only to clients that asked for usage.
 */
export function completionChunks({ body, usage }: Completion): StreamChunk[] {
  const base: JsonObject = { id: body.id, object: 'chat.completion.chunk', created: body.created, model: body.model };
  if (body.system_fingerprint !== undefined) base.system_fingerprint = body.system_fingerprint;
  const choices = arrayOf(body.choices)
    .filter(isObject)
    .map((choice, i) => ({ index: numberOf(choice.index) ?? i, delta: deltaOf(choice.message), logprobs: choice.logprobs ?? null, finish_reason: choice.finish_reason ?? 'stop' }));
  const chunks: StreamChunk[] = [{ chunk: { ...base, choices }, content: true, usage: undefined, usageOnly: false }];
  if (usage) chunks.push({ chunk: { ...base, choices: [], usage: body.usage }, content: false, usage, usageOnly: true });
  return chunks;
}

function deltaOf(message: unknown): JsonObject {
  if (!isObject(message)) return { role: 'assistant', content: '' };
  const calls = arrayOf(message.tool_calls);
  if (!calls.length) return { ...message };
  return { ...message, tool_calls: calls.map((call, index) => (isObject(call) ? { index, ...call } : call)) };
}
