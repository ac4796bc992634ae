import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { badInput } from './errors.js';
import { parseId } from './ids.js';
import { propOf, type FieldSpec, type PathFilter, type ResourceDef } from './resource.js';
import { isPostgres } from '../read/dialect.js';

type Where = Record<string, unknown>;

/** `school.city`, 3 → `{ school: { city: 3 } }`: a condition reached through relations. */
export function nest(path: string, condition: unknown): Where {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), condition) as Where;
}

function equality(field: FieldSpec | PathFilter, value: unknown, textMatch: TextMatch): unknown {
  if (field.kind === 'ref') return parseId(value, field.name);
  // An enum list is a text[] on PostgreSQL (the platform that matches with $ilike) and comma-joined text on SQLite.
  if (field.kind === 'enumList') return textMatch === '$ilike' ? { $contains: [value] } : { $like: `%${String(value)}%` };
  return value;
}

/** `q` matches without regard to case on both databases (SQLite's LIKE already ignores ASCII case). */
export const textMatchOperator = (em: EntityManager): TextMatch => (isPostgres(em) ? '$ilike' : '$like');

type TextMatch = '$like' | '$ilike';

/** Translates a react-admin filter object into a MikroORM condition; every key is typed by the generated input. */
export function buildWhere(def: ResourceDef, filter: Record<string, unknown> | null | undefined, textMatch: TextMatch): FilterQuery<object> {
  const and: Where[] = [];
  if (!filter) return {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'ids') {
      and.push({ id: { $in: (value as unknown[]).map((v) => parseId(v, 'ids')) } });
    } else if (key === 'q') {
      const text = String(value).trim();
      if (text) and.push({ $or: def.search.map((p) => nest(p, { [textMatch]: `%${text}%` })) });
    } else if (key.endsWith('_gte') || key.endsWith('_lte')) {
      const field = def.fields.find((f) => f.name === key.slice(0, -4));
      if (field) and.push({ [propOf(field)]: { [key.endsWith('_gte') ? '$gte' : '$lte']: value } });
    } else {
      const field = def.fields.find((f) => f.name === key);
      const path = def.pathFilters?.find((p) => p.name === key);
      if (field) and.push({ [propOf(field)]: equality(field, value, textMatch) });
      else if (path) and.push(nest(path.path, equality(path, value, textMatch)));
    }
  }
  return and.length === 0 ? {} : and.length === 1 ? and[0]! : { $and: and };
}

const SYSTEM_SORTS = ['id', 'version', 'createdAt', 'updatedAt'];

export function buildOrder(def: ResourceDef, sortField?: string | null, sortOrder?: string | null): QueryOrderMap<object>[] {
  const direction = (sortOrder ?? 'ASC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') {
    throw badInput('sortOrder', `排序方向只能是 ASC 或 DESC：${sortOrder}`, `sortOrder must be ASC or DESC, got ${sortOrder}`);
  }
  const name = sortField || def.defaultSort || 'id';
  const field = def.fields.find((f) => f.name === name && f.kind !== 'json' && !f.writeOnly);
  if (!field && !SYSTEM_SORTS.includes(name)) {
    throw badInput('sortField', `不能按此字段排序：${name}`, `cannot sort by ${name}`);
  }
  const prop = field ? propOf(field) : name;
  const order: QueryOrderMap<object>[] = [{ [prop]: direction } as QueryOrderMap<object>];
  if (prop !== 'id') order.push({ id: 'ASC' } as QueryOrderMap<object>);
  return order;
}

export const MAX_PAGE_SIZE = 10000;

export function buildPaging(page?: number | null, perPage?: number | null): { limit: number; offset: number } {
  const size = perPage ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('perPage', `每页行数须在 1 到 ${MAX_PAGE_SIZE} 之间`, `perPage must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  const index = page ?? 0;
  if (!Number.isInteger(index) || index < 0) throw badInput('page', '页码不能为负数', 'page must not be negative');
  return { limit: size, offset: index * size };
}
