import { Migration } from '@mikro-orm/migrations';
import { grouped, tallyFunctions } from './intake-tally-sql.js';

const BEFORE = ['target_group', 'origin_code'];
const AFTER = [...BEFORE, 'source'];

/** Refills the emptied subtotals from the intakes. */
const fill = (keys: string[]) =>
  `insert into "intake_tally" (${['plan_id', ...keys, 'students'].join(', ')}) ${grouped({ keys }, 'intake')} having sum(count) <> 0;`;

/**
 * Intake subtotals by source as well (ROSTER or REPORTED), so the analyst queries read the unverified
 * part of every figure from them. The table holds only sums of intakes: it is emptied, keyed anew and
 * refilled from them, and the trigger functions are replaced (the triggers stay).
 */
export class Migration20261206092007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "intake_tally_plan_id_students_index";`);
    this.addSql(`alter table "intake_tally" drop constraint "intake_tally_pkey";`);
    this.addSql(`truncate "intake_tally";`);
    this.addSql(`alter table "intake_tally" add column "source" varchar(10) not null;`);
    this.addSql(`alter table "intake_tally" add constraint "intake_tally_pkey" primary key ("plan_id", "target_group", "origin_code", "source");`);
    this.addSql(`create index "intake_tally_plan_id_source_students_index" on "intake_tally" ("plan_id", "source", "students");`);
    this.addSql(fill(AFTER));
    for (const fn of tallyFunctions({ keys: AFTER }, true)) this.addSql(fn);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "intake_tally_plan_id_source_students_index";`);
    this.addSql(`alter table "intake_tally" drop constraint "intake_tally_pkey";`);
    this.addSql(`truncate "intake_tally";`);
    this.addSql(`alter table "intake_tally" drop column "source";`);
    this.addSql(`alter table "intake_tally" add constraint "intake_tally_pkey" primary key ("plan_id", "target_group", "origin_code");`);
    this.addSql(`create index "intake_tally_plan_id_students_index" on "intake_tally" ("plan_id", "students");`);
    this.addSql(fill(BEFORE));
    for (const fn of tallyFunctions({ keys: BEFORE }, true)) this.addSql(fn);
  }
}
