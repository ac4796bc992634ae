/**
 * The statements that keep `intake_tally` on PostgreSQL, for a subtotal keyed by `plan_id` and `keys`
 * (intake columns of the same names): statement-level triggers with transition tables on `intake`,
 * so a multi-row INSERT (a bulk load) costs one grouped upsert, not one per row. A migration that
 * changes the key or the sums replaces the trigger functions.
 *
 * `records` (from Migration20261206124501 on): the subtotal also counts its intake rows, and one is
 * deleted when its last row goes; before, a subtotal at 0 students was deleted.
 */
export interface TallyShape {
  keys: string[];
  records?: boolean;
}

const keyOf = (keys: string[]) => ['plan_id', ...keys].join(', ');
const sumsOf = ({ records }: TallyShape) => (records ? ['students', 'records'] : ['students']);

/** Sums one statement's changed intakes into a delta (plan_id, …keys, students[, records]). */
export const grouped = ({ keys, records }: TallyShape, rows: string, sign = '') =>
  `select ${keyOf(keys)}, ${sign}sum(count) as students${records ? `, ${sign}count(*) as records` : ''} from ${rows} group by ${keyOf(keys)}`;

/** Adds a delta to the subtotals, then deletes those of its keys that reach 0 (rows, or students without `records`). */
const apply = (shape: TallyShape, delta: string) => {
  const key = keyOf(shape.keys);
  const sums = sumsOf(shape);
  const emptied = shape.records ? 'records' : 'students';
  return `
  insert into intake_tally as t (${key}, ${sums.join(', ')})
    select ${key}, ${sums.map((s) => `sum(${s})`).join(', ')} from (${delta}) d
    group by ${key} having ${sums.map((s) => `sum(${s}) <> 0`).join(' or ')}
    order by ${key}
  on conflict (${key}) do update set ${sums.map((s) => `${s} = t.${s} + excluded.${s}`).join(', ')};
  delete from intake_tally t using (select distinct ${key} from (${delta}) d) k
    where ${['plan_id', ...shape.keys].map((c) => `t.${c} = k.${c}`).join(' and ')} and t.${emptied} = 0;`;
};

/** Refills an emptied tally from the intakes. */
export const fillTally = (shape: TallyShape): string =>
  `insert into "intake_tally" (${['plan_id', ...shape.keys, ...sumsOf(shape)].join(', ')}) ${grouped(shape, 'intake')} having ${shape.records ? 'count(*)' : 'sum(count)'} <> 0;`;

/** The bodies of the three trigger functions, as `create or replace function` statements. */
export function tallyFunctions(shape: TallyShape, replace = false): string[] {
  const create = replace ? 'create or replace function' : 'create function';
  const body = (delta: string) => `returns trigger language plpgsql as $$ begin ${apply(shape, delta)} return null; end $$;`;
  return [
    `${create} intake_tally_after_insert() ${body(grouped(shape, 'new_rows'))}`,
    `${create} intake_tally_after_delete() ${body(grouped(shape, 'old_rows', '-'))}`,
    `${create} intake_tally_after_update() ${body(`${grouped(shape, 'new_rows')} union all ${grouped(shape, 'old_rows', '-')}`)}`,
  ];
}
