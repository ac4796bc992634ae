import { gql } from '@apollo/client';
import { pluralOf, runPlainQuery, runQuery, scalarSelection } from './dataProvider';
import { SERVER_PAGE_LIMIT } from './sheet/serverRows';

type Row = Record<string, unknown> & { id: string };

/** How a record of a referenced resource reads to a person, and the texts that identify it on paste/import. */
export interface ReferenceDisplay {
  label(record: Row, lookup: Lookups): string;
  /** extra exact texts that resolve to the record (code, English name) */
  keys?(record: Row): string[];
  /** resources whose labels this one's label uses */
  uses?: string[];
  /**
   * the fields the label, keys and the admin's dialogs read of a record (besides id), for resources of
   * thousands of rows; every leaf field when not given
   */
  fields?: string[];
}

const displays = new Map<string, ReferenceDisplay>();
const cache = new Map<string, Promise<Map<string, Row>>>();
const loaded = new Map<string, Map<string, Row>>();

export function registerDisplay(resource: string, display: ReferenceDisplay): void {
  displays.set(resource, display);
}

/** The resources a label needs: the resource and, transitively, those its label uses. */
function withUses(resources: string[]): string[] {
  const all = new Set<string>();
  const visit = (resource: string) => {
    if (all.has(resource)) return;
    all.add(resource);
    for (const used of displays.get(resource)?.uses ?? []) visit(used);
  };
  resources.forEach(visit);
  return [...all];
}

const selection = (resource: string) => {
  const fields = displays.get(resource)?.fields;
  return fields ? ['id', ...fields].join(' ') : scalarSelection(resource);
};

const pageField = (alias: string, resource: string, page: number) =>
  `${alias}: all${pluralOf(resource)}(page: ${page}, perPage: ${SERVER_PAGE_LIMIT}, sortField: "id", sortOrder: "ASC") { ${selection(resource)} }`;

/**
 * Pages of a resource asked in the first request: two for a resource of thousands of rows (one that
 * declares its `fields`), so the 15,000 plan lines at full size come whole in it; one for the others.
 * Two pages of every resource would exceed the server's query cost limit.
 */
const firstPages = (resource: string) => (displays.get(resource)?.fields ? 2 : 1);

const pagesBetween = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, p) => from + p);

/**
 * The rows of the given resources: their first pages and counts in one request and, for a resource larger
 * than those pages, all its further pages together in one more.
 */
async function fetchAllRows(resources: string[]): Promise<Row[][]> {
  const fields = resources.flatMap((resource, i) => [
    ...pagesBetween(0, firstPages(resource)).map((page) => pageField(`r${i}p${page}`, resource, page)),
    `n${i}: _all${pluralOf(resource)}Meta { count }`,
  ]);
  const first = await runPlainQuery<Record<string, Row[] | { count: number }>>('Lookups', `query Lookups { ${fields.join('\n')} }`);
  const rows = resources.map((resource, i) => pagesBetween(0, firstPages(resource)).flatMap((page) => first[`r${i}p${page}`] as Row[]));
  const more = resources.flatMap((resource, i) => {
    const pages = Math.ceil((first[`n${i}`] as { count: number }).count / SERVER_PAGE_LIMIT);
    return pagesBetween(firstPages(resource), pages).map((page) => ({ i, alias: `r${i}p${page}`, field: pageField(`r${i}p${page}`, resource, page) }));
  });
  if (more.length > 0) {
    const rest = await runPlainQuery<Record<string, Row[]>>('MoreLookups', `query MoreLookups { ${more.map((m) => m.field).join('\n')} }`);
    for (const m of more) rows[m.i]!.push(...rest[m.alias]!);
  }
  return rows;
}

/**
 * Every row of the given reference resources and of those their labels use, for the resources not yet
 * cached, in one request at the sizes of the campaign (`fetchAllRows`). Cached until invalidated.
 */
export function loadLookups(resources: string[]): Promise<unknown> {
  const needed = withUses(resources);
  const missing = needed.filter((resource) => !cache.has(resource));
  if (missing.length > 0) {
    const batch = fetchAllRows(missing);
    missing.forEach((resource, i) => {
      const entry = batch.then((result) => {
        const map = new Map(result[i]!.map((record) => [String(record.id), record]));
        loaded.set(resource, map);
        return map;
      });
      entry.catch(() => cache.delete(resource));
      cache.set(resource, entry);
    });
  }
  return Promise.all(needed.map((resource) => cache.get(resource)!));
}

/** One reference resource's rows by id (with those its label uses). */
export async function loadLookup(resource: string): Promise<Map<string, Row>> {
  await loadLookups([resource]);
  return cache.get(resource)!;
}

type Region = { code: string; nameZh: string; nameEn: string };
let provinces: Promise<Map<string, Region>> | undefined;
let loadedProvinces = new Map<string, Region>();

/** The province-level divisions (origins and partners outside Zhejiang) and the cities, for naming region codes. */
export function loadRegions(): Promise<unknown> {
  if (!provinces) {
    provinces = runQuery<{ provinces: Region[] }>(gql`
      query Provinces {
        provinces {
          code
          nameZh
          nameEn
        }
      }
    `).then((r) => {
      loadedProvinces = new Map(r.provinces.map((p) => [p.code, p]));
      return loadedProvinces;
    });
    provinces.catch(() => (provinces = undefined));
  }
  return Promise.all([provinces, loadLookups(['City'])]);
}

export function invalidateLookup(resource: string): void {
  cache.delete(resource);
  loaded.delete(resource);
}

export class Lookups {
  private byText = new Map<string, Map<string, string | null>>();

  /** The same lookups with the texts they resolved forgotten (read again from the records now loaded). */
  forgetTexts(): this {
    this.byText = new Map();
    return this;
  }

  record(resource: string, id: unknown): Row | undefined {
    return id == null ? undefined : loaded.get(resource)?.get(String(id));
  }

  label(resource: string, id: unknown): string {
    if (id == null || id === '') return '';
    const record = this.record(resource, id);
    const display = displays.get(resource);
    return record && display ? display.label(record, this) : `#${String(id)}`;
  }

  options(resource: string): { id: string; label: string }[] {
    return [...(loaded.get(resource)?.values() ?? [])].map((record) => ({ id: record.id, label: this.label(resource, record.id) }));
  }

  /** A region code's name: a Zhejiang city (杭州市) or another province (四川省); an unknown code as it is. */
  regionName(code: string): string {
    const city = [...(loaded.get('City')?.values() ?? [])].find((c) => c.code === code);
    return String(city?.nameZh ?? loadedProvinces.get(code)?.nameZh ?? code);
  }

  /** The code a typed region names, by code or by name with or without 市/省 (杭州, 四川, Sichuan); undefined when unknown. */
  resolveRegion(text: string): string | undefined {
    const wanted = text.trim().toLowerCase();
    const regions = [
      ...[...(loaded.get('City')?.values() ?? [])].map((c) => ({ code: String(c.code), nameZh: String(c.nameZh), nameEn: String(c.nameEn) })),
      ...loadedProvinces.values(),
    ];
    const short = (name: string) => name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
    return regions.find((r) => [r.code, r.nameZh, short(r.nameZh), r.nameEn].some((name) => name.toLowerCase() === wanted))?.code;
  }

  /** The id a pasted or imported text names: by label, code or name; null when ambiguous, undefined when unknown. */
  resolve(resource: string, text: string): string | null | undefined {
    let index = this.byText.get(resource);
    if (!index) {
      index = new Map();
      const display = displays.get(resource);
      for (const record of loaded.get(resource)?.values() ?? []) {
        const texts = new Set([this.label(resource, record.id), ...(display?.keys?.(record) ?? [])]);
        for (const t of texts) {
          const key = t.trim().toLowerCase();
          index.set(key, index.has(key) && index.get(key) !== record.id ? null : record.id);
        }
      }
      this.byText.set(resource, index);
    }
    const key = text.trim().toLowerCase();
    if (/^#\d+$/.test(key) && loaded.get(resource)?.has(key.slice(1))) return key.slice(1);
    return index.get(key);
  }
}

/** Another user sees other rows: nothing cached survives a sign-in or sign-out. */
export function invalidateAllLookups(): void {
  cache.clear();
  loaded.clear();
}
