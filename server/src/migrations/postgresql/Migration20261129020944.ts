import { Migration } from '@mikro-orm/migrations';

export class Migration20261129020944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "company" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(100) not null, "short_name" varchar(30) null, "credit_code" varchar(18) not null, "industry" text check ("industry" in ('NEW_GENERATION_IT', 'HIGH_END_EQUIPMENT', 'MODERN_CONSUMER_HEALTH', 'GREEN_PETROCHEMICAL_MATERIALS', 'EMERGING_MANUFACTURING', 'DIGITAL_ECONOMY', 'MODERN_AGRICULTURE', 'MODERN_SERVICES', 'OTHER')) not null, "city_id" int not null);`);
    this.addSql(`alter table "company" add constraint "company_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "company_industry_index" on "company" ("industry");`);
    this.addSql(`create index "company_city_id_index" on "company" ("city_id");`);

    this.addSql(`create table "incentive" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "kind" text check ("kind" in ('TUITION_WAIVER', 'LIVING_COST_WAIVER', 'SCHOLARSHIP', 'GRANT', 'PARTNER_CITY_SUBSIDY')) not null, "amount_per_student" int not null, "eligibility" varchar(500) null, "target_groups" text[] not null);`);
    this.addSql(`create index "incentive_city_id_index" on "incentive" ("city_id");`);
    this.addSql(`create index "incentive_year_index" on "incentive" ("year");`);

    this.addSql(`create table "outreach_visit" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "visited_on" date not null, "province_code" varchar(6) not null, "delegation_lead" varchar(50) not null, "agreements_signed" int not null default 0, "notes" varchar(500) null);`);
    this.addSql(`create index "outreach_visit_city_id_index" on "outreach_visit" ("city_id");`);
    this.addSql(`create index "outreach_visit_province_code_index" on "outreach_visit" ("province_code");`);

    this.addSql(`create table "partnership" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "school_id" int not null, "company_id" int not null, "kind" text check ("kind" in ('ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY')) not null, "starts_on" date not null, "ends_on" date null, "status" text check ("status" in ('ACTIVE', 'ENDED', 'SUSPENDED')) not null default 'ACTIVE', "positions_offered" int null, "notes" varchar(500) null);`);
    this.addSql(`create index "partnership_school_id_index" on "partnership" ("school_id");`);
    this.addSql(`create index "partnership_company_id_index" on "partnership" ("company_id");`);

    this.addSql(`create table "order_class" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "partnership_id" int not null, "program_id" int not null, "year" int not null, "season" text check ("season" in ('SPRING', 'AUTUMN')) not null, "name" varchar(100) not null, "seats" int not null, "enrolled" int not null default 0, "employment_commitment" int null, "stipend_per_year" int null);`);
    this.addSql(`create index "order_class_partnership_id_index" on "order_class" ("partnership_id");`);
    this.addSql(`create index "order_class_program_id_year_season_index" on "order_class" ("program_id", "year", "season");`);

    this.addSql(`create table "cross_region_agreement" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "school_id" int not null, "program_id" int not null, "partner_province_code" varchar(6) not null, "partner_institution" varchar(100) not null, "stages" jsonb not null, "seats" int not null, "signed_on" date not null, "enrolled" int not null default 0);`);
    this.addSql(`create index "cross_region_agreement_city_id_index" on "cross_region_agreement" ("city_id");`);
    this.addSql(`create index "cross_region_agreement_school_id_index" on "cross_region_agreement" ("school_id");`);
    this.addSql(`create index "cross_region_agreement_program_id_index" on "cross_region_agreement" ("program_id");`);
    this.addSql(`create index "cross_region_agreement_partner_province_code_index" on "cross_region_agreement" ("partner_province_code");`);

    this.addSql(`alter table "company" add constraint "company_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "incentive" add constraint "incentive_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "outreach_visit" add constraint "outreach_visit_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "partnership" add constraint "partnership_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "partnership" add constraint "partnership_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`);

    this.addSql(`alter table "order_class" add constraint "order_class_partnership_id_foreign" foreign key ("partnership_id") references "partnership" ("id") on update cascade;`);
    this.addSql(`alter table "order_class" add constraint "order_class_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`);

    this.addSql(`alter table "cross_region_agreement" add constraint "cross_region_agreement_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);
    this.addSql(`alter table "cross_region_agreement" add constraint "cross_region_agreement_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "cross_region_agreement" add constraint "cross_region_agreement_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partnership" drop constraint "partnership_company_id_foreign";`);

    this.addSql(`alter table "order_class" drop constraint "order_class_partnership_id_foreign";`);

    this.addSql(`drop table if exists "company" cascade;`);

    this.addSql(`drop table if exists "incentive" cascade;`);

    this.addSql(`drop table if exists "outreach_visit" cascade;`);

    this.addSql(`drop table if exists "partnership" cascade;`);

    this.addSql(`drop table if exists "order_class" cascade;`);

    this.addSql(`drop table if exists "cross_region_agreement" cascade;`);
  }

}
