import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`intake_tally\` (\`plan_id\` integer not null, \`target_group\` text not null, \`origin_code\` text not null, \`students\` integer not null, constraint \`intake_tally_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on delete cascade on update cascade, primary key (\`plan_id\`, \`target_group\`, \`origin_code\`));`,
    );
    this.addSql(`create index \`intake_tally_plan_id_index\` on \`intake_tally\` (\`plan_id\`);`);

    this.addSql(`drop index \`intake_plan_target_group_origin_count_index\`;`);

    this.addSql(
      `insert into \`intake_tally\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`students\`) select \`plan_id\`, \`target_group\`, \`origin_code\`, sum(\`count\`) from \`intake\` group by \`plan_id\`, \`target_group\`, \`origin_code\` having sum(\`count\`) <> 0;`,
    );
    // Every write of intake keeps its subtotal in the same transaction; a subtotal at 0 is deleted.
    this.addSql(`create trigger \`intake_tally_after_insert\` after insert on \`intake\` when new.\`count\` <> 0 begin
      insert into \`intake_tally\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`students\`) values (new.\`plan_id\`, new.\`target_group\`, new.\`origin_code\`, new.\`count\`)
        on conflict (\`plan_id\`, \`target_group\`, \`origin_code\`) do update set \`students\` = \`students\` + excluded.\`students\`;
    end;`);
    this.addSql(`create trigger \`intake_tally_after_delete\` after delete on \`intake\` begin
      update \`intake_tally\` set \`students\` = \`students\` - old.\`count\` where \`plan_id\` = old.\`plan_id\` and \`target_group\` = old.\`target_group\` and \`origin_code\` = old.\`origin_code\`;
      delete from \`intake_tally\` where \`plan_id\` = old.\`plan_id\` and \`target_group\` = old.\`target_group\` and \`origin_code\` = old.\`origin_code\` and \`students\` = 0;
    end;`);
    this.addSql(`create trigger \`intake_tally_after_update\` after update of \`plan_id\`, \`target_group\`, \`origin_code\`, \`count\` on \`intake\` begin
      update \`intake_tally\` set \`students\` = \`students\` - old.\`count\` where \`plan_id\` = old.\`plan_id\` and \`target_group\` = old.\`target_group\` and \`origin_code\` = old.\`origin_code\`;
      delete from \`intake_tally\` where \`plan_id\` = old.\`plan_id\` and \`target_group\` = old.\`target_group\` and \`origin_code\` = old.\`origin_code\` and \`students\` = 0;
      insert into \`intake_tally\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`students\`) select new.\`plan_id\`, new.\`target_group\`, new.\`origin_code\`, new.\`count\` where new.\`count\` <> 0
        on conflict (\`plan_id\`, \`target_group\`, \`origin_code\`) do update set \`students\` = \`students\` + excluded.\`students\`;
    end;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists \`intake_tally_after_insert\`;`);
    this.addSql(`drop trigger if exists \`intake_tally_after_delete\`;`);
    this.addSql(`drop trigger if exists \`intake_tally_after_update\`;`);
    this.addSql(`drop table if exists \`intake_tally\`;`);
    this.addSql(`create index \`intake_plan_target_group_origin_count_index\` on \`intake\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`count\`);`);
  }
}
