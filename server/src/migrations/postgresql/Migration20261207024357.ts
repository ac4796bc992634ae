import { Migration } from '@mikro-orm/migrations';

export class Migration20261207024357 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "intake_registered_on_plan_count_index" on "intake" ("registered_on", "plan_id", "count");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "intake_registered_on_plan_count_index";`);
  }
}
