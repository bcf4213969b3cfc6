import { getGlobalDispatcher, interceptors, request } from 'undici';
import { formatProblems, readCatalog } from '../../scripts/catalog/read.ts';
import { toEnvelope } from '../../scripts/catalog/envelope.ts';
import { Catalog } from '../../schemas/index.ts';
import { ConfigError } from '../errors.ts';

export interface LoadedCatalog {
  catalog: Catalog;
  /** The ETag a published catalog came with, for the next conditional request. */
  etag: string | undefined;
}

export type Fetched = { changed: false } | ({ changed: true } & LoadedCatalog);

const FETCH_TIMEOUT_MS = 30_000;
/** Far above a published catalog (a few MB), so a wrong URL cannot fill memory. */
const CATALOG_LIMIT_BYTES = 64 * 1024 * 1024;
/** Pages sites redirect (to a custom domain, http to https): a catalog URL follows up to five. */
const following = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 5 }));

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** A catalog from a directory (validated file by file) or from the URL of a published catalog.json. */
export async function loadCatalog(source: string): Promise<LoadedCatalog> {
  if (isUrl(source)) {
    const fetched = await fetchCatalog(source, undefined);
    if (!fetched.changed) throw new ConfigError(`${source} answered 304 to a request without If-None-Match`);
    return fetched;
  }
  const { catalog, problems } = await readCatalog(source);
  if (problems.length) throw new ConfigError(`the catalog in ${source} does not validate:\n${formatProblems(problems)}`);
  if (!catalog.meta) throw new ConfigError(`${source} holds no catalog (no meta.json): set CATALOG to a catalog directory or URL`);
  return { catalog: toEnvelope(catalog), etag: undefined };
}

/** GET a published catalog, conditionally on the ETag we hold; anything but a valid catalog is an error. */
export async function fetchCatalog(url: string, etag: string | undefined): Promise<Fetched> {
  const response = await request(url, {
    dispatcher: following,
    headers: { accept: 'application/json', 'user-agent': 'freeway-proxy', ...(etag ? { 'if-none-match': etag } : {}) },
    headersTimeout: FETCH_TIMEOUT_MS,
    bodyTimeout: FETCH_TIMEOUT_MS,
  });
  if (response.statusCode === 304) {
    await response.body.dump();
    return { changed: false };
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new ConfigError(`GET ${url} answered HTTP ${response.statusCode}`);
  }
  return { changed: true, catalog: parseCatalog(await readLimited(response.body, url), url), etag: headerValue(response.headers.etag) };
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, url: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > CATALOG_LIMIT_BYTES) {
      body.destroy();
      throw new ConfigError(`${url} sent more than ${CATALOG_LIMIT_BYTES} bytes: that is not a catalog`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseCatalog(text: string, where: string): Catalog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Catalog.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`${where} is not a valid catalog:\n${issues.join('\n')}`);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
