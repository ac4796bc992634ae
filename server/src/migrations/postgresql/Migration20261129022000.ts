import { Migration } from '@mikro-orm/migrations';

export class Migration20261129022000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE')) not null, "entity_name" varchar(50) not null, "entity_id" int not null, "actor_id" int null, "actor_name" varchar(50) not null, "city_id" int null, "changes" jsonb not null);`);
    this.addSql(`create index "audit_entry_city_id_index" on "audit_entry" ("city_id");`);
    this.addSql(`create index "audit_entry_entity_name_entity_id_index" on "audit_entry" ("entity_name", "entity_id");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(50) not null, "display_name" varchar(100) null, "role" text check ("role" in ('PROVINCE_ADMIN', 'CITY_ADMIN', 'SCHOOL_STAFF', 'ANALYST', 'SERVICE')) not null, "city_id" int null, "school_id" int null, "active" boolean not null default true, "password_hash" varchar(100) not null, "token_version" int not null default 1);`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`alter table "app_user" add constraint "app_user_city_id_foreign" foreign key ("city_id") references "city" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
