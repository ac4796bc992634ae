import { Migration } from '@mikro-orm/migrations';
import { dropTallyTriggers, fillTally, tallyTriggers } from './intake-tally-sql.js';

/** The subtotal's key besides the plan line. */
const KEYS = ['target_group', 'origin_code'];

export class Migration20261129043506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`intake_tally\` (\`plan_id\` integer not null, \`target_group\` text not null, \`origin_code\` text not null, \`students\` integer not null, constraint \`intake_tally_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on delete cascade on update cascade, primary key (\`plan_id\`, \`target_group\`, \`origin_code\`));`,
    );
    this.addSql(`create index \`intake_tally_plan_id_index\` on \`intake_tally\` (\`plan_id\`);`);

    this.addSql(`drop index \`intake_plan_target_group_origin_count_index\`;`);

    this.addSql(fillTally({ keys: KEYS }));
    // Every write of intake keeps its subtotal in the same transaction; a subtotal at 0 is deleted.
    for (const trigger of tallyTriggers({ keys: KEYS })) this.addSql(trigger);
  }

  override async down(): Promise<void> {
    for (const drop of dropTallyTriggers()) this.addSql(drop);
    this.addSql(`drop table if exists \`intake_tally\`;`);
    this.addSql(`create index \`intake_plan_target_group_origin_count_index\` on \`intake\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`count\`);`);
  }
}
