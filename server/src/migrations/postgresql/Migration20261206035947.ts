import { Migration } from '@mikro-orm/migrations';

/** The enrollment-order register (招生秩序): complaints and inspections per city and school. */
export class Migration20261206035947 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "discipline_case" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "city_id" int not null, "school_id" int null, "kind" text check ("kind" in ('ILLEGAL_RECRUITMENT', 'FALSE_ADVERTISING', 'MISLEADING_STUDENTS', 'FALSE_REGISTRATION', 'OTHER')) not null, "source" text check ("source" in ('COMPLAINT', 'INSPECTION', 'MEDIA', 'ASSIGNED', 'OTHER')) not null, "reported_on" date not null, "summary" varchar(2000) not null, "findings" varchar(5000) null, "measures" varchar(5000) null, "status" text check ("status" in ('OPEN', 'VERIFIED', 'DISMISSED', 'REFERRED')) not null default 'OPEN', "status_changed_on" date null, "referred_on" date null, "attachments" jsonb not null);`,
    );
    this.addSql(`create index "discipline_case_city_id_index" on "discipline_case" ("city_id");`);
    this.addSql(`create index "discipline_case_school_id_index" on "discipline_case" ("school_id");`);

    this.addSql(
      `alter table "discipline_case" add constraint "discipline_case_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "discipline_case" add constraint "discipline_case_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "discipline_case" cascade;`);
  }
}
