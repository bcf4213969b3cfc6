import type { H3Event } from 'h3';
import { FastResponse } from 'srvx';
import { modelNotFound } from '../errors.ts';
import type { Chains } from '../routing/chains.ts';
import type { RoutingTable, Target } from '../routing/table.ts';
import type { Services } from '../services.ts';

/** An entry of GET /v1/models: OpenAI's model object plus who can serve it. */
export interface ModelItem {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** Provider ids with a key that serve it, in routing preference (free first). */
  providers: string[];
  free: boolean;
  context_length: number | null;
}

/** GET /v1/models: every routable model: canonical ids, provider-qualified ids, `auto` and configured chains. */
export function listModels(services: Services) {
  return () => new FastResponse(listOf(services.table(), services.chains).json, { headers: { 'content-type': 'application/json' } });
}

/** GET /v1/models/{id}, where the id may hold slashes (groq/openai/gpt-oss-120b). */
export function retrieveModel(services: Services) {
  return (event: H3Event) => {
    const id = decodeURIComponent(event.context.params?.id ?? '');
    const item = listOf(services.table(), services.chains).byId.get(id);
    if (!item) throw modelNotFound(`the model "${id}" is not routable here; GET /v1/models lists the models you can use`);
    return item;
  };
}

interface Listing {
  json: string;
  byId: Map<string, ModelItem>;
}

// Built once per routing table (a catalog refresh makes a new one) and chain set.
const listings = new WeakMap<RoutingTable, Listing>();

function listOf(table: RoutingTable, chains: Chains): Listing {
  let listing = listings.get(table);
  if (!listing) {
    const items = buildItems(table, chains);
    listing = { json: JSON.stringify({ object: 'list', data: items }), byId: new Map(items.map((item) => [item.id, item])) };
    listings.set(table, listing);
  }
  return listing;
}

function buildItems(table: RoutingTable, chains: Chains): ModelItem[] {
  const updated = Math.floor(Date.parse(table.updated) / 1000);
  const item = (id: string, owner: string, targets: Target[], created = updated): ModelItem => ({
    id,
    object: 'model',
    created,
    owned_by: owner,
    providers: [...new Set([...targets].sort((a, b) => Number(b.free) - Number(a.free)).map((t) => t.upstream.id))],
    free: targets.some((t) => t.free),
    context_length: Math.max(0, ...targets.map((t) => t.context ?? 0)) || null,
  });
  const items: ModelItem[] = [item('auto', 'freeway', table.targets)];
  for (const [name, refs] of chains) {
    const targets = refs.flatMap((ref) => table.byQualified.get(ref) ?? table.byModel.get(ref) ?? table.byWireId.get(ref) ?? (ref === 'auto' ? table.targets : []));
    if (targets.length) items.push(item(name, 'freeway', targets));
  }
  for (const [id, targets] of [...table.byModel].sort(([a], [b]) => a.localeCompare(b))) {
    const model = table.models.get(id);
    const released = model?.releaseDate ? Math.floor(Date.parse(model.releaseDate) / 1000) : updated;
    items.push(item(id, model?.creator ?? targets[0]?.upstream.id ?? 'unknown', targets, released));
  }
  for (const target of [...table.targets].sort((a, b) => a.id.localeCompare(b.id))) items.push(item(target.id, target.upstream.id, [target]));
  return items;
}
