import { Migration } from '@mikro-orm/migrations';
import { dropTallyTriggers, fillTally, tallyTriggers } from './intake-tally-sql.js';

const BEFORE = ['target_group', 'origin_code'];
const AFTER = [...BEFORE, 'source'];

/** The table of subtotals keyed by the plan line and `keys` (SQLite cannot change a primary key in place). */
const createTable = (keys: string[]) => {
  const key = ['plan_id', ...keys].map((c) => `\`${c}\``).join(', ');
  const columns = keys.map((c) => `\`${c}\` text not null, `).join('');
  return `create table \`intake_tally\` (\`plan_id\` integer not null, ${columns}\`students\` integer not null, constraint \`intake_tally_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on delete cascade on update cascade, primary key (${key}));`;
};

/**
 * Intake subtotals by source as well (ROSTER or REPORTED), so the analyst queries read the unverified
 * part of every figure from them. The table holds only sums of intakes: it is rebuilt from them.
 */
export class Migration20261206092006 extends Migration {
  override async up(): Promise<void> {
    for (const drop of dropTallyTriggers()) this.addSql(drop);
    this.addSql(`drop table \`intake_tally\`;`);
    this.addSql(createTable(AFTER));
    this.addSql(`create index \`intake_tally_plan_id_source_students_index\` on \`intake_tally\` (\`plan_id\`, \`source\`, \`students\`);`);
    this.addSql(fillTally({ keys: AFTER }));
    for (const trigger of tallyTriggers({ keys: AFTER })) this.addSql(trigger);
  }

  override async down(): Promise<void> {
    for (const drop of dropTallyTriggers()) this.addSql(drop);
    this.addSql(`drop table \`intake_tally\`;`);
    this.addSql(createTable(BEFORE));
    this.addSql(`create index \`intake_tally_plan_id_students_index\` on \`intake_tally\` (\`plan_id\`, \`students\`);`);
    this.addSql(fillTally({ keys: BEFORE }));
    for (const trigger of tallyTriggers({ keys: BEFORE })) this.addSql(trigger);
  }
}
