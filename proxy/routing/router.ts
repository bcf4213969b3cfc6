import { invalidRequest, modelNotFound, ProxyError } from '../errors.ts';
import type { ChatRequest, ModelQuality, ProviderPreference } from '../request-schema.ts';
import type { Chains } from './chains.ts';
import type { Health } from './health.ts';
import { contextTooSmall, type Needs, unknownCapability } from './needs.ts';
import { rankTargets } from './rank.ts';
import type { RoutingTable, Target } from './table.ts';

export interface RouteInput {
  request: ChatRequest;
  needs: Needs;
  table: RoutingTable;
  chains: Chains;
  health: Health;
}

/** The targets to try, in order, and which of them the catalog does not say can do what the request needs. */
export interface Route {
  targets: Target[];
  /** Tried after the others; a 400 from one of them moves on to the next (it may lack what was asked). */
  uncertain: Set<Target>;
}

/**
 * Each model the client names (`model`, then `models`, a chain expanding to its entries)
 * contributes its targets ranked by `rankTargets`; the client's order of models is kept. Then the
 * provider preference, then what the request needs: a target whose stated context is too small is
 * skipped; one the catalog does not say has the tools, image input or JSON mode asked for goes
 * after those it says have them, since the catalog's sources often leave capabilities out.
 */
export function planRoute({ request, needs, table, chains, health }: RouteInput): Route {
  const refs = request.models === undefined ? (request.model === undefined ? [] : [request.model]) : [...new Set([...(request.model !== undefined ? [request.model] : []), ...request.models])];
  const mode = request.model_quality ?? 'balanced';
  const seen = new Set<string>();
  const planned: Target[] = [];
  for (const ref of refs) {
    for (const target of resolve(ref, table, chains, health, mode, new Set())) {
      if (seen.has(target.id)) continue;
      seen.add(target.id);
      planned.push(target);
    }
  }
  if (!planned.length) throw notRoutable(refs, table);
  const preferred = request.provider === undefined ? planned : applyPreference(planned, request.provider, table);
  const fit = preferred.filter((target) => contextTooSmall(target, needs) === undefined);
  if (!fit.length) {
    const why = preferred.map((target) => `${target.id} lacks ${contextTooSmall(target, needs)}`).join('; ');
    throw new ProxyError(`no provider can serve this request (per the catalog): ${why}`, {
      status: 400,
      type: 'invalid_request_error',
      code: 'model_not_capable',
      param: 'model',
    });
  }
  const uncertain = new Set(fit.filter((target) => unknownCapability(target, needs) !== undefined));
  return { targets: [...fit.filter((target) => !uncertain.has(target)), ...uncertain], uncertain };
}

function resolve(ref: string, table: RoutingTable, chains: Chains, health: Health, mode: ModelQuality, visiting: Set<string>): Target[] {
  if (ref === 'auto') return rankTargets(table.targets, health, mode);
  const chain = chains.get(ref);
  if (chain) {
    if (visiting.has(ref)) return [];
    visiting.add(ref);
    return chain.flatMap((entry) => resolve(entry, table, chains, health, mode, visiting));
  }
  const qualified = table.byQualified.get(ref);
  if (qualified) return [qualified];
  const targets = table.byModel.get(ref) ?? table.byWireId.get(ref);
  if (targets) return rankTargets(targets, health, undefined);
  if (table.keyless.has(ref)) return [];
  throw unknownModel(ref, table);
}

function unknownModel(ref: string, table: RoutingTable): ProxyError {
  const provider = ref.includes('/') ? ref.slice(0, ref.indexOf('/')) : undefined;
  const known = provider !== undefined && table.statuses.some((s) => s.id === provider);
  const where = known ? `provider ${provider} serves no chat model "${ref.slice(provider.length + 1)}"` : `the model "${ref}" is not in the catalog`;
  return modelNotFound(`${where} (catalog ${table.version}); GET /v1/models lists the models you can use`);
}

/** Every model the client named exists, but no provider with a key serves any of them. */
function notRoutable(refs: string[], table: RoutingTable): ProxyError {
  if (!table.targets.length) {
    return modelNotFound('no provider is routable: no API keys are configured; set <ID>_API_KEY for a provider (e.g. GROQ_API_KEY) and restart');
  }
  const providers = [...new Set(refs.flatMap((ref) => table.keyless.get(ref) ?? []))];
  const envs = providers.flatMap((id) => table.statuses.find((s) => s.id === id)?.keyEnv[0] ?? []);
  const hint = providers.length
    ? `it is served by ${providers.join(', ')}: set ${envs.join(' or ')} to use it`
    : 'no provider serves it';
  return modelNotFound(`no configured provider serves ${refs.map((r) => `"${r}"`).join(', ')}; ${hint}`);
}

function applyPreference(targets: Target[], preference: ProviderPreference, table: RoutingTable): Target[] {
  const spec = typeof preference === 'string' ? { order: [preference], allow_fallbacks: false } : Array.isArray(preference) ? { order: preference, allow_fallbacks: false } : preference;
  for (const id of [...(spec.order ?? []), ...(spec.only ?? []), ...(spec.ignore ?? [])]) {
    if (!table.statuses.some((s) => s.id === id)) throw invalidRequest(`unknown provider "${id}"`, 'provider', 'unknown_provider');
  }
  const order = spec.order ?? [];
  const only = spec.allow_fallbacks === false ? new Set([...order, ...(spec.only ?? [])]) : spec.only ? new Set(spec.only) : undefined;
  const ignore = new Set(spec.ignore ?? []);
  const rank = (t: Target) => {
    const at = order.indexOf(t.upstream.id);
    return at === -1 ? order.length : at;
  };
  const kept = targets.filter((t) => (!only || only.has(t.upstream.id)) && !ignore.has(t.upstream.id));
  if (!kept.length) {
    throw invalidRequest(`none of the requested providers serves this model with a key configured (tried ${targets.map((t) => t.id).join(', ')})`, 'provider', 'provider_not_available');
  }
  return kept.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map(({ t }) => t);
}
