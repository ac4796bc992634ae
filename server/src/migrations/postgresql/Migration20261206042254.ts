import { Migration } from '@mikro-orm/migrations';

/** Per user and alert: read on which day, delivered through the outbound channel when, failed rounds. */
export class Migration20261206042254 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "alert_receipt" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" int not null, "alert_key" varchar(200) not null, "read_on" date null, "delivered_at" timestamptz null, "attempts" int not null default 0);`,
    );
    this.addSql(`create index "alert_receipt_user_id_index" on "alert_receipt" ("user_id");`);
    this.addSql(`alter table "alert_receipt" add constraint "alert_receipt_user_id_alert_key_unique" unique ("user_id", "alert_key");`);

    this.addSql(
      `alter table "alert_receipt" add constraint "alert_receipt_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_receipt" cascade;`);
  }
}
