import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { propOf, type FieldSpec, type ResourceDef } from '../common/resource.js';
import { isPostgres } from '../read/dialect.js';
import type { Measure } from './aggregate.types.js';
import type { GroupPath } from './group-paths.js';

/** A measure a question asks for: `sum` of `count`. */
export interface MeasureOf {
  measure: Measure;
  field: FieldSpec;
}

/** The column of a property path from the table read (`e`), joining along the way. */
export type ColumnOf = (props: string[]) => string;

/** The table a grouped question reads and how it counts rows and computes measures there. */
export interface GroupSource {
  entity: string;
  rows(column: ColumnOf): string;
  measure(of: MeasureOf, column: ColumnOf): string;
}

const rowSource = (def: ResourceDef): GroupSource => ({
  entity: def.entity.name,
  rows: () => 'count(*)',
  measure: ({ measure, field }, column) => `${measure}(${column([propOf(field)])})`,
});

/** The root properties a condition reads, through `$and`, `$or` and `$not`. */
function rootProps(condition: unknown, into: Set<string>): Set<string> {
  for (const [key, value] of Object.entries(condition as Record<string, unknown>)) {
    if (key === '$and' || key === '$or') (value as unknown[]).forEach((part) => rootProps(part, into));
    else if (key === '$not') rootProps(value, into);
    else into.add(key);
  }
  return into;
}

/**
 * Where a grouped question of `def`'s rows is answered: from the resource's subtotals (ADR 0043) when
 * its condition, its group paths and its measures use only what they hold — their key properties (and
 * anything reached through them), the row count, and `sum`, and `avg` as sum over rows, of the summed
 * fields — otherwise from the rows themselves. The subtotals hold exact sums of the rows, so both give
 * the same groups.
 */
export function groupSource(em: EntityManager, def: ResourceDef, condition: FilterQuery<object>, paths: GroupPath[], measures: MeasureOf[]): GroupSource {
  const subtotals = def.subtotals;
  if (!subtotals) return rowSource(def);
  const meta = em.getMetadata().get(subtotals.entity.name);
  const keys = new Set(meta.primaryKeys as string[]);
  const fits =
    [...rootProps(condition, new Set())].every((prop) => keys.has(prop)) &&
    paths.every((path) => keys.has(path.props[0]!)) &&
    measures.every(({ measure, field }) => (measure === 'sum' || measure === 'avg') && field.name in subtotals.sums);
  if (!fits) return rowSource(def);

  // SQLite's avg is a double and PostgreSQL's a numeric of the sum over the count: the same division here.
  const exact = isPostgres(em) ? 'numeric' : 'real';
  return {
    entity: subtotals.entity.name,
    rows: (column) => `coalesce(sum(${column([subtotals.rows])}), 0)`,
    measure: ({ measure, field }, column) => {
      const sum = `sum(${column([subtotals.sums[field.name]!])})`;
      return measure === 'sum' ? sum : `cast(${sum} as ${exact}) / sum(${column([subtotals.rows])})`;
    },
  };
}
