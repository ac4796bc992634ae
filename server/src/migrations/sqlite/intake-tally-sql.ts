/**
 * The statements that keep `intake_tally` on SQLite, for a subtotal keyed by `plan_id` and `keys`
 * (intake columns of the same names): row triggers on `intake` that add each written row's count to
 * its subtotal inside the writing transaction. Migrations that change the key or the sums drop the
 * triggers and create them again.
 *
 * `records` (from Migration20261206124500 on): the subtotal also counts its intake rows, and one is
 * deleted when its last row goes; before, a subtotal at 0 students was deleted.
 */
const q = (column: string) => `\`${column}\``;

export const TALLY_TRIGGERS = ['intake_tally_after_insert', 'intake_tally_after_delete', 'intake_tally_after_update'];

export interface TallyShape {
  keys: string[];
  records?: boolean;
}

/** Fills an empty tally from the intake rows. */
export function fillTally({ keys, records }: TallyShape): string {
  const key = ['plan_id', ...keys].map(q).join(', ');
  if (records)
    return `insert into \`intake_tally\` (${key}, \`students\`, \`records\`) select ${key}, sum(\`count\`), count(*) from \`intake\` group by ${key};`;
  return `insert into \`intake_tally\` (${key}, \`students\`) select ${key}, sum(\`count\`) from \`intake\` group by ${key} having sum(\`count\`) <> 0;`;
}

/** The three triggers (insert, delete, update of a key column or the count). */
export function tallyTriggers({ keys, records }: TallyShape): string[] {
  const columns = ['plan_id', ...keys];
  const key = columns.map(q).join(', ');
  const ofRow = (row: 'new' | 'old') => columns.map((c) => `${row}.${q(c)}`).join(', ');
  const sameKey = columns.map((c) => `${q(c)} = old.${q(c)}`).join(' and ');
  const sums = records ? ['students', 'records'] : ['students'];
  const insertColumns = `(${key}, ${sums.map(q).join(', ')})`;
  const newSums = records ? 'new.`count`, 1' : 'new.`count`';
  const upsert = `on conflict (${key}) do update set ${sums.map((s) => `${q(s)} = ${q(s)} + excluded.${q(s)}`).join(', ')};`;
  const subtract = records
    ? `update \`intake_tally\` set \`students\` = \`students\` - old.\`count\`, \`records\` = \`records\` - 1 where ${sameKey};
      delete from \`intake_tally\` where ${sameKey} and \`records\` = 0;`
    : `update \`intake_tally\` set \`students\` = \`students\` - old.\`count\` where ${sameKey};
      delete from \`intake_tally\` where ${sameKey} and \`students\` = 0;`;
  // Without `records` a row of 0 students adds nothing, so it opens no subtotal.
  const counted = records ? '' : 'new.`count` <> 0';
  return [
    `create trigger \`intake_tally_after_insert\` after insert on \`intake\` ${counted ? `when ${counted} ` : ''}begin
      insert into \`intake_tally\` ${insertColumns} values (${ofRow('new')}, ${newSums})
        ${upsert}
    end;`,
    `create trigger \`intake_tally_after_delete\` after delete on \`intake\` begin
      ${subtract}
    end;`,
    `create trigger \`intake_tally_after_update\` after update of ${[...columns, 'count'].map(q).join(', ')} on \`intake\` begin
      ${subtract}
      insert into \`intake_tally\` ${insertColumns} select ${ofRow('new')}, ${newSums}${counted ? ` where ${counted}` : ''}
        ${upsert}
    end;`,
  ];
}

export const dropTallyTriggers = (): string[] => TALLY_TRIGGERS.map((name) => `drop trigger if exists ${q(name)};`);
