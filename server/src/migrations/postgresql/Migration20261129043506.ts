import { Migration } from '@mikro-orm/migrations';
import { grouped, tallyFunctions } from './intake-tally-sql.js';

/** The subtotal's key besides the plan line. */
const KEYS = ['target_group', 'origin_code'];

export class Migration20261129043506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake_tally" ("plan_id" int not null, "target_group" varchar(30) not null, "origin_code" varchar(6) not null, "students" int not null, constraint "intake_tally_pkey" primary key ("plan_id", "target_group", "origin_code"));`,
    );

    this.addSql(
      `alter table "intake_tally" add constraint "intake_tally_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`drop index "intake_plan_target_group_origin_count_index";`);

    this.addSql(
      `insert into "intake_tally" ("plan_id", "target_group", "origin_code", "students") ${grouped({ keys: KEYS }, 'intake')} having sum(count) <> 0;`,
    );
    // Statement-level triggers: a multi-row INSERT (a bulk load) costs one grouped upsert, not one per row.
    for (const fn of tallyFunctions({ keys: KEYS })) this.addSql(fn);
    this.addSql(
      `create trigger intake_tally_after_insert after insert on intake referencing new table as new_rows for each statement execute function intake_tally_after_insert();`,
    );
    this.addSql(
      `create trigger intake_tally_after_delete after delete on intake referencing old table as old_rows for each statement execute function intake_tally_after_delete();`,
    );
    this.addSql(
      `create trigger intake_tally_after_update after update on intake referencing old table as old_rows new table as new_rows for each statement execute function intake_tally_after_update();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists intake_tally_after_insert on intake;`);
    this.addSql(`drop trigger if exists intake_tally_after_delete on intake;`);
    this.addSql(`drop trigger if exists intake_tally_after_update on intake;`);
    this.addSql(`drop function if exists intake_tally_after_insert(), intake_tally_after_delete(), intake_tally_after_update();`);
    this.addSql(`drop table if exists "intake_tally" cascade;`);

    this.addSql(`create index "intake_plan_target_group_origin_count_index" on "intake" ("plan_id", "target_group", "origin_code", "count");`);
  }
}
