import { Migration } from '@mikro-orm/migrations';
import { fillTally, tallyFunctions, type TallyShape } from './intake-tally-sql.js';

const KEYS = ['target_group', 'origin_code', 'source'];
const BEFORE: TallyShape = { keys: KEYS };
const AFTER: TallyShape = { keys: KEYS, records: true };

/**
 * Intake subtotals count their intake rows as well (`records`), so `aggregateIntakes` answers the
 * number of records and the mean per record from them (ADR 0043). The table holds only sums of
 * intakes: it is emptied, given the column and refilled, and the trigger functions are replaced.
 */
export class Migration20261206124501 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`truncate "intake_tally";`);
    this.addSql(`alter table "intake_tally" add column "records" int not null;`);
    this.addSql(`drop index "intake_tally_plan_id_source_students_index";`);
    this.addSql(`create index "intake_tally_plan_id_source_students_records_index" on "intake_tally" ("plan_id", "source", "students", "records");`);
    this.addSql(fillTally(AFTER));
    for (const fn of tallyFunctions(AFTER, true)) this.addSql(fn);
  }

  override async down(): Promise<void> {
    this.addSql(`truncate "intake_tally";`);
    this.addSql(`drop index "intake_tally_plan_id_source_students_records_index";`);
    this.addSql(`alter table "intake_tally" drop column "records";`);
    this.addSql(`create index "intake_tally_plan_id_source_students_index" on "intake_tally" ("plan_id", "source", "students");`);
    this.addSql(fillTally(BEFORE));
    for (const fn of tallyFunctions(BEFORE, true)) this.addSql(fn);
  }
}
