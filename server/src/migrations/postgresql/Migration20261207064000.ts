import { Migration } from '@mikro-orm/migrations';

export class Migration20261207064000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "student_order_class_id_index" on "student" ("order_class_id") where "order_class_id" is not null;`);
    this.addSql(
      `create index "student_cross_region_agreement_id_index" on "student" ("cross_region_agreement_id") where "cross_region_agreement_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "student_order_class_id_index";`);
    this.addSql(`drop index "student_cross_region_agreement_id_index";`);
  }
}
