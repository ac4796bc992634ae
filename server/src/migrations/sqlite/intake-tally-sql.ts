/**
 * The statements that keep `intake_tally` on SQLite, for a subtotal keyed by `plan_id` and `keys`
 * (intake columns of the same names): row triggers on `intake` that add each written row's count to
 * its subtotal inside the writing transaction; a subtotal at 0 is deleted. Migrations that change
 * the key drop the triggers and create them again with the new key.
 */
const q = (column: string) => `\`${column}\``;

export const TALLY_TRIGGERS = ['intake_tally_after_insert', 'intake_tally_after_delete', 'intake_tally_after_update'];

/** Fills an empty tally from the intake rows. */
export function fillTally(keys: string[]): string {
  const key = ['plan_id', ...keys].map(q).join(', ');
  return `insert into \`intake_tally\` (${key}, \`students\`) select ${key}, sum(\`count\`) from \`intake\` group by ${key} having sum(\`count\`) <> 0;`;
}

/** The three triggers (insert, delete, update of a key column or the count). */
export function tallyTriggers(keys: string[]): string[] {
  const columns = ['plan_id', ...keys];
  const key = columns.map(q).join(', ');
  const ofRow = (row: 'new' | 'old') => columns.map((c) => `${row}.${q(c)}`).join(', ');
  const sameKey = columns.map((c) => `${q(c)} = old.${q(c)}`).join(' and ');
  const upsert = `on conflict (${key}) do update set \`students\` = \`students\` + excluded.\`students\`;`;
  const subtract = `update \`intake_tally\` set \`students\` = \`students\` - old.\`count\` where ${sameKey};
      delete from \`intake_tally\` where ${sameKey} and \`students\` = 0;`;
  return [
    `create trigger \`intake_tally_after_insert\` after insert on \`intake\` when new.\`count\` <> 0 begin
      insert into \`intake_tally\` (${key}, \`students\`) values (${ofRow('new')}, new.\`count\`)
        ${upsert}
    end;`,
    `create trigger \`intake_tally_after_delete\` after delete on \`intake\` begin
      ${subtract}
    end;`,
    `create trigger \`intake_tally_after_update\` after update of ${[...columns, 'count'].map(q).join(', ')} on \`intake\` begin
      ${subtract}
      insert into \`intake_tally\` (${key}, \`students\`) select ${ofRow('new')}, new.\`count\` where new.\`count\` <> 0
        ${upsert}
    end;`,
  ];
}

export const dropTallyTriggers = (): string[] => TALLY_TRIGGERS.map((name) => `drop trigger if exists ${q(name)};`);
