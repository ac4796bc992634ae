import { Migration } from '@mikro-orm/migrations';

export class Migration20261206064513 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "external_roster" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('GENERAL_HIGH_SCHOOL', 'SECONDARY_VOCATIONAL')) not null, "label" varchar(200) not null, "uploaded_on" date not null, "entries" int not null);`,
    );

    this.addSql(
      `create table "external_roster_entry" ("roster_id" int not null, "id_hash" varchar(64) not null, constraint "external_roster_entry_pkey" primary key ("roster_id", "id_hash"));`,
    );

    this.addSql(
      `create table "population_baseline" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "students" int not null);`,
    );
    this.addSql(`alter table "population_baseline" add constraint "population_baseline_city_id_unique" unique ("city_id");`);

    this.addSql(
      `create table "student" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "school_id" int not null, "name" varchar(50) not null, "id_cipher" varchar(120) not null, "id_key_id" varchar(20) not null, "id_hash" varchar(64) not null, "birth_date" date not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "target_group" text check ("target_group" in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, "origin_code" varchar(6) not null, "registered_on" date not null, "status" text check ("status" in ('ENROLLED', 'SUSPENDED', 'WITHDRAWN', 'TRANSFERRED', 'GRADUATED')) not null default 'ENROLLED', "status_on" date not null, "left_on" date null, "status_history" jsonb not null, "order_class_id" int null, "cross_region_agreement_id" int null);`,
    );
    this.addSql(`create index "student_plan_id_index" on "student" ("plan_id");`);
    this.addSql(`create index "student_id_hash_index" on "student" ("id_hash");`);
    this.addSql(`create index "student_registered_on_left_on_index" on "student" ("registered_on", "left_on");`);
    this.addSql(`create index "student_school_id_status_index" on "student" ("school_id", "status");`);

    this.addSql(
      `create table "joint_check_case" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "student_id" int not null, "school_id" int not null, "roster_id" int not null, "matched_on" date not null, "status" text check ("status" in ('OPEN', 'EXPLAINED', 'REFERRED')) not null default 'OPEN', "note" varchar(2000) null);`,
    );
    this.addSql(`create index "joint_check_case_student_id_index" on "joint_check_case" ("student_id");`);
    this.addSql(`create index "joint_check_case_school_id_index" on "joint_check_case" ("school_id");`);
    this.addSql(`create index "joint_check_case_roster_id_index" on "joint_check_case" ("roster_id");`);

    this.addSql(
      `alter table "external_roster_entry" add constraint "external_roster_entry_roster_id_foreign" foreign key ("roster_id") references "external_roster" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "population_baseline" add constraint "population_baseline_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "student" add constraint "student_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`,
    );
    this.addSql(`alter table "student" add constraint "student_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(
      `alter table "student" add constraint "student_order_class_id_foreign" foreign key ("order_class_id") references "order_class" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "student" add constraint "student_cross_region_agreement_id_foreign" foreign key ("cross_region_agreement_id") references "cross_region_agreement" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "joint_check_case" add constraint "joint_check_case_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "joint_check_case" add constraint "joint_check_case_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "joint_check_case" add constraint "joint_check_case_roster_id_foreign" foreign key ("roster_id") references "external_roster" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "intake" add column "source" text check ("source" in ('REPORTED', 'ROSTER')) not null default 'REPORTED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "external_roster_entry" drop constraint "external_roster_entry_roster_id_foreign";`);

    this.addSql(`alter table "joint_check_case" drop constraint "joint_check_case_roster_id_foreign";`);

    this.addSql(`alter table "joint_check_case" drop constraint "joint_check_case_student_id_foreign";`);

    this.addSql(`drop table if exists "external_roster" cascade;`);

    this.addSql(`drop table if exists "external_roster_entry" cascade;`);

    this.addSql(`drop table if exists "population_baseline" cascade;`);

    this.addSql(`drop table if exists "student" cascade;`);

    this.addSql(`drop table if exists "joint_check_case" cascade;`);

    this.addSql(`alter table "intake" drop column "source";`);
  }
}
