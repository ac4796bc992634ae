import { Migration } from '@mikro-orm/migrations';

export class Migration20261206063029 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "student" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "school_id" int not null, "name" varchar(50) not null, "id_cipher" varchar(120) not null, "id_key_id" varchar(20) not null, "id_hash" varchar(64) not null, "birth_date" date not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "target_group" text check ("target_group" in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, "origin_code" varchar(6) not null, "registered_on" date not null, "status" text check ("status" in ('ENROLLED', 'SUSPENDED', 'WITHDRAWN', 'TRANSFERRED', 'GRADUATED')) not null default 'ENROLLED', "status_on" date not null, "status_history" jsonb not null, "order_class_id" int null, "cross_region_agreement_id" int null);`);
    this.addSql(`create index "student_plan_id_index" on "student" ("plan_id");`);
    this.addSql(`create index "student_id_hash_index" on "student" ("id_hash");`);
    this.addSql(`create index "student_school_id_status_index" on "student" ("school_id", "status");`);

    this.addSql(`alter table "student" add constraint "student_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`);
    this.addSql(`alter table "student" add constraint "student_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "student" add constraint "student_order_class_id_foreign" foreign key ("order_class_id") references "order_class" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "student" add constraint "student_cross_region_agreement_id_foreign" foreign key ("cross_region_agreement_id") references "cross_region_agreement" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "intake" add column "source" text check ("source" in ('REPORTED', 'ROSTER')) not null default 'REPORTED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "student" cascade;`);

    this.addSql(`alter table "intake" drop column "source";`);
  }

}
