/**
 * The statements that keep `intake_tally` on PostgreSQL, for a subtotal keyed by `plan_id` and `keys`
 * (intake columns of the same names): statement-level triggers with transition tables on `intake`,
 * so a multi-row INSERT (a bulk load) costs one grouped upsert, not one per row; a subtotal at 0 is
 * deleted. A migration that changes the key replaces the trigger functions.
 */
const keyOf = (keys: string[]) => ['plan_id', ...keys].join(', ');

/** Sums one statement's changed intakes into a delta (plan_id, …keys, students). */
export const grouped = (keys: string[], rows: string, sign = '') => `select ${keyOf(keys)}, ${sign}sum(count) as students from ${rows} group by ${keyOf(keys)}`;

/** Adds a delta to the subtotals, then deletes those of its keys that reach 0. */
const apply = (keys: string[], delta: string) => `
  insert into intake_tally as t (${keyOf(keys)}, students)
    select ${keyOf(keys)}, sum(students) from (${delta}) d
    group by ${keyOf(keys)} having sum(students) <> 0
    order by ${keyOf(keys)}
  on conflict (${keyOf(keys)}) do update set students = t.students + excluded.students;
  delete from intake_tally t using (select distinct ${keyOf(keys)} from (${delta}) d) k
    where ${['plan_id', ...keys].map((c) => `t.${c} = k.${c}`).join(' and ')} and t.students = 0;`;

/** The bodies of the three trigger functions, as `create or replace function` statements. */
export function tallyFunctions(keys: string[], replace = false): string[] {
  const create = replace ? 'create or replace function' : 'create function';
  const body = (delta: string) => `returns trigger language plpgsql as $$ begin ${apply(keys, delta)} return null; end $$;`;
  return [
    `${create} intake_tally_after_insert() ${body(grouped(keys, 'new_rows'))}`,
    `${create} intake_tally_after_delete() ${body(grouped(keys, 'old_rows', '-'))}`,
    `${create} intake_tally_after_update() ${body(`${grouped(keys, 'new_rows')} union all ${grouped(keys, 'old_rows', '-')}`)}`,
  ];
}
