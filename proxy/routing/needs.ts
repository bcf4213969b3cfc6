import type { ChatRequest } from '../request-schema.ts';
import type { Target } from './table.ts';

/** What a request asks of the model that serves it. */
export interface Needs {
  tools: boolean;
  vision: boolean;
  json: boolean;
  structured: boolean;
  /** A rough prompt size: about four characters a token, images not counted. */
  promptTokens: number;
  maxTokens: number;
}

export function needsOf(request: ChatRequest): Needs {
  let chars = 0;
  let vision = false;
  for (const message of request.messages) {
    const content = message.content;
    if (typeof content === 'string') chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === 'text') chars += part.text.length;
        else if (part.type === 'image_url') vision = true;
      }
    }
    if (message.role === 'assistant' && message.tool_calls) {
      for (const call of message.tool_calls) chars += call.function.arguments.length + call.function.name.length;
    }
  }
  if (request.tools) chars += JSON.stringify(request.tools).length;
  const format = request.response_format?.type;
  return {
    tools: (request.tools?.length ?? 0) > 0 && request.tool_choice !== 'none',
    vision,
    json: format === 'json_object' || format === 'json_schema',
    structured: format === 'json_schema',
    promptTokens: Math.ceil(chars / 4),
    maxTokens: request.max_completion_tokens ?? request.max_tokens ?? 0,
  };
}

/**
 * What the request needs that the catalog does not say the target has, or undefined. The catalog
 * records capabilities its sources state and says nothing of the rest, so a missing one is unknown,
 * not absent: such a target is tried after the ones known to have it (see planRoute).
 */
export function unknownCapability(target: Target, needs: Needs): string | undefined {
  if (needs.tools && !target.tools) return 'tools';
  if (needs.vision && !target.vision) return 'image input';
  if (needs.structured && !target.structured) return 'response_format json_schema';
  if (needs.json && !target.json) return 'JSON mode';
  return undefined;
}

/** The context the request needs, when the catalog states a smaller one for the target. */
export function contextTooSmall(target: Target, needs: Needs): string | undefined {
  const wanted = needs.promptTokens + needs.maxTokens;
  return target.context !== undefined && wanted > target.context ? `a ${wanted}-token context (it has ${target.context})` : undefined;
}
