import { Migration } from '@mikro-orm/migrations';

export class Migration20261129035548 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE')) not null, "entity_name" varchar(50) not null, "entity_id" int not null, "actor_id" int null, "actor_name" varchar(50) not null, "city_id" int null, "changes" jsonb not null);`,
    );
    this.addSql(`create index "audit_entry_city_id_index" on "audit_entry" ("city_id");`);
    this.addSql(`create index "audit_entry_entity_name_entity_id_index" on "audit_entry" ("entity_name", "entity_id");`);

    this.addSql(
      `create table "city" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(6) not null, "name_zh" varchar(50) not null, "name_en" varchar(50) not null, "display_order" int not null);`,
    );
    this.addSql(`alter table "city" add constraint "city_code_unique" unique ("code");`);

    this.addSql(
      `create table "campaign_target" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "seats" int not null);`,
    );
    this.addSql(`alter table "campaign_target" add constraint "campaign_target_city_id_year_unique" unique ("city_id", "year");`);

    this.addSql(
      `create table "annual_summary" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "problems" text null, "next_year_measures" text null, "submitted_on" date null);`,
    );
    this.addSql(`alter table "annual_summary" add constraint "annual_summary_city_id_year_unique" unique ("city_id", "year");`);

    this.addSql(
      `create table "company" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(100) not null, "short_name" varchar(30) null, "credit_code" varchar(18) not null, "industry" text check ("industry" in ('NEW_GENERATION_IT', 'HIGH_END_EQUIPMENT', 'MODERN_CONSUMER_HEALTH', 'GREEN_PETROCHEMICAL_MATERIALS', 'EMERGING_MANUFACTURING', 'DIGITAL_ECONOMY', 'MODERN_AGRICULTURE', 'MODERN_SERVICES', 'OTHER')) not null, "city_id" int not null);`,
    );
    this.addSql(`alter table "company" add constraint "company_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "company_industry_index" on "company" ("industry");`);
    this.addSql(`create index "company_city_id_index" on "company" ("city_id");`);

    this.addSql(
      `create table "incentive" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "kind" text check ("kind" in ('TUITION_WAIVER', 'LIVING_COST_WAIVER', 'SCHOLARSHIP', 'GRANT', 'PARTNER_CITY_SUBSIDY')) not null, "amount_per_student" int not null, "eligibility" varchar(500) null, "target_groups" text[] not null);`,
    );
    this.addSql(`create index "incentive_city_id_index" on "incentive" ("city_id");`);
    this.addSql(`create index "incentive_year_index" on "incentive" ("year");`);

    this.addSql(
      `create table "major" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(10) not null, "name" varchar(100) not null, "category" varchar(50) not null, "levels" text[] not null);`,
    );
    this.addSql(`alter table "major" add constraint "major_code_unique" unique ("code");`);

    this.addSql(
      `create table "outreach_visit" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "visited_on" date not null, "province_code" varchar(6) not null, "delegation_lead" varchar(50) not null, "agreements_signed" int not null default 0, "notes" varchar(500) null);`,
    );
    this.addSql(`create index "outreach_visit_city_id_index" on "outreach_visit" ("city_id");`);
    this.addSql(`create index "outreach_visit_province_code_index" on "outreach_visit" ("province_code");`);

    this.addSql(
      `create table "school" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(100) not null, "type" text check ("type" in ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL')) not null, "city_id" int not null, "provincial" boolean not null default false, "ownership" text check ("ownership" in ('PUBLIC', 'PRIVATE', 'ENTERPRISE')) not null default 'PUBLIC');`,
    );
    this.addSql(`alter table "school" add constraint "school_name_unique" unique ("name");`);
    this.addSql(`create index "school_city_id_index" on "school" ("city_id");`);

    this.addSql(
      `create table "program" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "major_id" int not null, "level" text check ("level" in ('INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN')) not null, "entry_basis" text check ("entry_basis" in ('JUNIOR_HIGH', 'SENIOR_HIGH', 'CERTIFICATE')) not null, "duration_years" int not null, "study_mode" text check ("study_mode" in ('FULL_TIME', 'PART_TIME', 'SKILLS_TRAINING')) not null default 'FULL_TIME', "filed_on" date null);`,
    );
    this.addSql(`create index "program_major_id_index" on "program" ("major_id");`);
    this.addSql(
      `alter table "program" add constraint "program_school_id_major_id_level_entry_basis_study_mode_unique" unique ("school_id", "major_id", "level", "entry_basis", "study_mode");`,
    );

    this.addSql(
      `create table "partnership" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "company_id" int not null, "kind" text check ("kind" in ('ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY')) not null, "starts_on" date not null, "ends_on" date null, "status" text check ("status" in ('ACTIVE', 'ENDED', 'SUSPENDED')) not null default 'ACTIVE', "positions_offered" int null, "notes" varchar(500) null);`,
    );
    this.addSql(`create index "partnership_school_id_index" on "partnership" ("school_id");`);
    this.addSql(`create index "partnership_company_id_index" on "partnership" ("company_id");`);

    this.addSql(
      `create table "order_class" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "partnership_id" int not null, "program_id" int not null, "year" int not null, "season" text check ("season" in ('SPRING', 'AUTUMN')) not null, "name" varchar(100) not null, "seats" int not null, "enrolled" int not null default 0, "employment_commitment" int null, "stipend_per_year" int null);`,
    );
    this.addSql(`create index "order_class_partnership_id_index" on "order_class" ("partnership_id");`);
    this.addSql(`create index "order_class_program_id_year_season_index" on "order_class" ("program_id", "year", "season");`);

    this.addSql(
      `create table "enrollment_plan" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "program_id" int not null, "year" int not null, "season" text check ("season" in ('SPRING', 'AUTUMN')) not null, "seats" int not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null default 'DRAFT');`,
    );
    this.addSql(`create index "enrollment_plan_school_id_index" on "enrollment_plan" ("school_id");`);
    this.addSql(`create index "enrollment_plan_year_index" on "enrollment_plan" ("year");`);
    this.addSql(`alter table "enrollment_plan" add constraint "enrollment_plan_program_id_year_season_unique" unique ("program_id", "year", "season");`);

    this.addSql(
      `create table "plan_transition" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "step" text check ("step" in ('SUBMIT', 'APPROVE', 'FILE', 'RETURN')) not null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, "reason" varchar(500) null, "occurred_on" date not null);`,
    );
    this.addSql(`create index "plan_transition_plan_id_index" on "plan_transition" ("plan_id");`);

    this.addSql(
      `create table "plan_adjustment" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "old_seats" int not null, "new_seats" int not null, "reason" varchar(500) not null, "requested_by" varchar(100) not null, "requested_on" date not null, "decision" text check ("decision" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "decided_by" varchar(100) null, "decided_on" date null, "decision_note" varchar(500) null);`,
    );
    this.addSql(`create index "plan_adjustment_plan_id_index" on "plan_adjustment" ("plan_id");`);

    this.addSql(
      `create table "intake" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "count" int not null, "target_group" text check ("target_group" in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, "origin_code" varchar(6) not null, "registered_on" date not null);`,
    );
    this.addSql(`create index "intake_origin_code_index" on "intake" ("origin_code");`);
    this.addSql(`create index "intake_plan_target_group_origin_count_index" on "intake" ("plan_id", "target_group", "origin_code", "count");`);
    this.addSql(`create index "intake_plan_registered_on_count_index" on "intake" ("plan_id", "registered_on", "count");`);

    this.addSql(
      `create table "cross_region_agreement" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "school_id" int not null, "program_id" int not null, "partner_province_code" varchar(6) not null, "partner_institution" varchar(100) not null, "stages" jsonb not null, "seats" int not null, "signed_on" date not null, "enrolled" int not null default 0);`,
    );
    this.addSql(`create index "cross_region_agreement_city_id_index" on "cross_region_agreement" ("city_id");`);
    this.addSql(`create index "cross_region_agreement_school_id_index" on "cross_region_agreement" ("school_id");`);
    this.addSql(`create index "cross_region_agreement_program_id_index" on "cross_region_agreement" ("program_id");`);
    this.addSql(`create index "cross_region_agreement_partner_province_code_index" on "cross_region_agreement" ("partner_province_code");`);

    this.addSql(
      `create table "school_target" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "year" int not null, "seats" int not null);`,
    );
    this.addSql(`alter table "school_target" add constraint "school_target_school_id_year_unique" unique ("school_id", "year");`);

    this.addSql(
      `create table "app_user" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(50) not null, "display_name" varchar(100) null, "role" text check ("role" in ('PROVINCE_ADMIN', 'CITY_ADMIN', 'SCHOOL_STAFF', 'ANALYST', 'SERVICE')) not null, "city_id" int null, "school_id" int null, "active" boolean not null default true, "password_hash" varchar(100) not null, "token_version" int not null default 1);`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(
      `alter table "campaign_target" add constraint "campaign_target_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "annual_summary" add constraint "annual_summary_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );

    this.addSql(`alter table "company" add constraint "company_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "incentive" add constraint "incentive_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(
      `alter table "outreach_visit" add constraint "outreach_visit_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );

    this.addSql(`alter table "school" add constraint "school_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "program" add constraint "program_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "program" add constraint "program_major_id_foreign" foreign key ("major_id") references "major" ("id") on update cascade;`);

    this.addSql(
      `alter table "partnership" add constraint "partnership_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "partnership" add constraint "partnership_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "order_class" add constraint "order_class_partnership_id_foreign" foreign key ("partnership_id") references "partnership" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "order_class" add constraint "order_class_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "enrollment_plan" add constraint "enrollment_plan_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "enrollment_plan" add constraint "enrollment_plan_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan_transition" add constraint "plan_transition_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan_adjustment" add constraint "plan_adjustment_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`,
    );

    this.addSql(`alter table "intake" add constraint "intake_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`);

    this.addSql(
      `alter table "cross_region_agreement" add constraint "cross_region_agreement_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cross_region_agreement" add constraint "cross_region_agreement_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cross_region_agreement" add constraint "cross_region_agreement_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "school_target" add constraint "school_target_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_target" drop constraint "campaign_target_city_id_foreign";`);

    this.addSql(`alter table "annual_summary" drop constraint "annual_summary_city_id_foreign";`);

    this.addSql(`alter table "company" drop constraint "company_city_id_foreign";`);

    this.addSql(`alter table "incentive" drop constraint "incentive_city_id_foreign";`);

    this.addSql(`alter table "outreach_visit" drop constraint "outreach_visit_city_id_foreign";`);

    this.addSql(`alter table "school" drop constraint "school_city_id_foreign";`);

    this.addSql(`alter table "cross_region_agreement" drop constraint "cross_region_agreement_city_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_city_id_foreign";`);

    this.addSql(`alter table "partnership" drop constraint "partnership_company_id_foreign";`);

    this.addSql(`alter table "program" drop constraint "program_major_id_foreign";`);

    this.addSql(`alter table "program" drop constraint "program_school_id_foreign";`);

    this.addSql(`alter table "partnership" drop constraint "partnership_school_id_foreign";`);

    this.addSql(`alter table "enrollment_plan" drop constraint "enrollment_plan_school_id_foreign";`);

    this.addSql(`alter table "cross_region_agreement" drop constraint "cross_region_agreement_school_id_foreign";`);

    this.addSql(`alter table "school_target" drop constraint "school_target_school_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_school_id_foreign";`);

    this.addSql(`alter table "order_class" drop constraint "order_class_program_id_foreign";`);

    this.addSql(`alter table "enrollment_plan" drop constraint "enrollment_plan_program_id_foreign";`);

    this.addSql(`alter table "cross_region_agreement" drop constraint "cross_region_agreement_program_id_foreign";`);

    this.addSql(`alter table "order_class" drop constraint "order_class_partnership_id_foreign";`);

    this.addSql(`alter table "plan_transition" drop constraint "plan_transition_plan_id_foreign";`);

    this.addSql(`alter table "plan_adjustment" drop constraint "plan_adjustment_plan_id_foreign";`);

    this.addSql(`alter table "intake" drop constraint "intake_plan_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "city" cascade;`);

    this.addSql(`drop table if exists "campaign_target" cascade;`);

    this.addSql(`drop table if exists "annual_summary" cascade;`);

    this.addSql(`drop table if exists "company" cascade;`);

    this.addSql(`drop table if exists "incentive" cascade;`);

    this.addSql(`drop table if exists "major" cascade;`);

    this.addSql(`drop table if exists "outreach_visit" cascade;`);

    this.addSql(`drop table if exists "school" cascade;`);

    this.addSql(`drop table if exists "program" cascade;`);

    this.addSql(`drop table if exists "partnership" cascade;`);

    this.addSql(`drop table if exists "order_class" cascade;`);

    this.addSql(`drop table if exists "enrollment_plan" cascade;`);

    this.addSql(`drop table if exists "plan_transition" cascade;`);

    this.addSql(`drop table if exists "plan_adjustment" cascade;`);

    this.addSql(`drop table if exists "intake" cascade;`);

    this.addSql(`drop table if exists "cross_region_agreement" cascade;`);

    this.addSql(`drop table if exists "school_target" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }
}
