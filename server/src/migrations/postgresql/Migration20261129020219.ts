import { Migration } from '@mikro-orm/migrations';

export class Migration20261129020219 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "city" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(6) not null, "name_zh" varchar(50) not null, "name_en" varchar(50) not null, "display_order" int not null);`);
    this.addSql(`alter table "city" add constraint "city_code_unique" unique ("code");`);

    this.addSql(`create table "campaign_target" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "seats" int not null);`);
    this.addSql(`alter table "campaign_target" add constraint "campaign_target_city_id_year_unique" unique ("city_id", "year");`);

    this.addSql(`create table "major" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(10) not null, "name" varchar(100) not null, "category" varchar(50) not null, "levels" text[] not null);`);
    this.addSql(`alter table "major" add constraint "major_code_unique" unique ("code");`);

    this.addSql(`create table "school" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(100) not null, "type" text check ("type" in ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL')) not null, "city_id" int not null, "provincial" boolean not null default false, "ownership" text check ("ownership" in ('PUBLIC', 'PRIVATE', 'ENTERPRISE')) not null default 'PUBLIC');`);
    this.addSql(`alter table "school" add constraint "school_name_unique" unique ("name");`);
    this.addSql(`create index "school_city_id_index" on "school" ("city_id");`);

    this.addSql(`create table "program" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "major_id" int not null, "level" text check ("level" in ('INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN')) not null, "entry_basis" text check ("entry_basis" in ('JUNIOR_HIGH', 'SENIOR_HIGH', 'CERTIFICATE')) not null, "duration_years" int not null, "study_mode" text check ("study_mode" in ('FULL_TIME', 'PART_TIME', 'SKILLS_TRAINING')) not null default 'FULL_TIME', "filed_on" date null);`);
    this.addSql(`create index "program_major_id_index" on "program" ("major_id");`);
    this.addSql(`alter table "program" add constraint "program_school_id_major_id_level_entry_basis_study_mode_unique" unique ("school_id", "major_id", "level", "entry_basis", "study_mode");`);

    this.addSql(`create table "enrollment_plan" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "program_id" int not null, "year" int not null, "season" text check ("season" in ('SPRING', 'AUTUMN')) not null, "seats" int not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null default 'DRAFT');`);
    this.addSql(`create index "enrollment_plan_school_id_index" on "enrollment_plan" ("school_id");`);
    this.addSql(`create index "enrollment_plan_year_index" on "enrollment_plan" ("year");`);
    this.addSql(`alter table "enrollment_plan" add constraint "enrollment_plan_program_id_year_season_unique" unique ("program_id", "year", "season");`);

    this.addSql(`create table "intake" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "count" int not null, "target_group" text check ("target_group" in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, "origin_code" varchar(6) not null, "registered_on" date not null);`);
    this.addSql(`create index "intake_plan_id_index" on "intake" ("plan_id");`);
    this.addSql(`create index "intake_origin_code_index" on "intake" ("origin_code");`);

    this.addSql(`create table "school_target" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "year" int not null, "seats" int not null);`);
    this.addSql(`alter table "school_target" add constraint "school_target_school_id_year_unique" unique ("school_id", "year");`);

    this.addSql(`alter table "campaign_target" add constraint "campaign_target_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "school" add constraint "school_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "program" add constraint "program_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "program" add constraint "program_major_id_foreign" foreign key ("major_id") references "major" ("id") on update cascade;`);

    this.addSql(`alter table "enrollment_plan" add constraint "enrollment_plan_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "enrollment_plan" add constraint "enrollment_plan_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`);

    this.addSql(`alter table "intake" add constraint "intake_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`);

    this.addSql(`alter table "school_target" add constraint "school_target_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_target" drop constraint "campaign_target_city_id_foreign";`);

    this.addSql(`alter table "school" drop constraint "school_city_id_foreign";`);

    this.addSql(`alter table "program" drop constraint "program_major_id_foreign";`);

    this.addSql(`alter table "program" drop constraint "program_school_id_foreign";`);

    this.addSql(`alter table "enrollment_plan" drop constraint "enrollment_plan_school_id_foreign";`);

    this.addSql(`alter table "school_target" drop constraint "school_target_school_id_foreign";`);

    this.addSql(`alter table "enrollment_plan" drop constraint "enrollment_plan_program_id_foreign";`);

    this.addSql(`alter table "intake" drop constraint "intake_plan_id_foreign";`);

    this.addSql(`drop table if exists "city" cascade;`);

    this.addSql(`drop table if exists "campaign_target" cascade;`);

    this.addSql(`drop table if exists "major" cascade;`);

    this.addSql(`drop table if exists "school" cascade;`);

    this.addSql(`drop table if exists "program" cascade;`);

    this.addSql(`drop table if exists "enrollment_plan" cascade;`);

    this.addSql(`drop table if exists "intake" cascade;`);

    this.addSql(`drop table if exists "school_target" cascade;`);
  }

}
