import { Migration } from '@mikro-orm/migrations';

/** A covering index for a plan line's students. */
export class Migration20261129075500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "intake_tally_plan_id_students_index" on "intake_tally" ("plan_id", "students");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "intake_tally_plan_id_students_index";`);
  }
}
