import { Migration } from '@mikro-orm/migrations';

export class Migration20261129021417 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "annual_summary" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "year" int not null, "problems" text null, "next_year_measures" text null, "submitted_on" date null);`);
    this.addSql(`alter table "annual_summary" add constraint "annual_summary_city_id_year_unique" unique ("city_id", "year");`);

    this.addSql(`create table "plan_transition" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "step" text check ("step" in ('SUBMIT', 'APPROVE', 'FILE', 'RETURN')) not null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, "reason" varchar(500) null, "occurred_on" date not null);`);
    this.addSql(`create index "plan_transition_plan_id_index" on "plan_transition" ("plan_id");`);

    this.addSql(`create table "plan_adjustment" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" int not null, "old_seats" int not null, "new_seats" int not null, "reason" varchar(500) not null, "requested_by" varchar(100) not null, "requested_on" date not null, "decision" text check ("decision" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "decided_by" varchar(100) null, "decided_on" date null, "decision_note" varchar(500) null);`);
    this.addSql(`create index "plan_adjustment_plan_id_index" on "plan_adjustment" ("plan_id");`);

    this.addSql(`alter table "annual_summary" add constraint "annual_summary_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`);

    this.addSql(`alter table "plan_transition" add constraint "plan_transition_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`);

    this.addSql(`alter table "plan_adjustment" add constraint "plan_adjustment_plan_id_foreign" foreign key ("plan_id") references "enrollment_plan" ("id") on update cascade;`);

    this.addSql(`drop index "intake_plan_id_index";`);

    this.addSql(`create index "intake_plan_target_group_origin_count_index" on "intake" ("plan_id", "target_group", "origin_code", "count");`);
    this.addSql(`create index "intake_plan_registered_on_count_index" on "intake" ("plan_id", "registered_on", "count");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "annual_summary" cascade;`);

    this.addSql(`drop table if exists "plan_transition" cascade;`);

    this.addSql(`drop table if exists "plan_adjustment" cascade;`);

    this.addSql(`drop index "intake_plan_target_group_origin_count_index";`);
    this.addSql(`drop index "intake_plan_registered_on_count_index";`);

    this.addSql(`create index "intake_plan_id_index" on "intake" ("plan_id");`);
  }

}
