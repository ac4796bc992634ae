import { Migration } from '@mikro-orm/migrations';

export class Migration20261206092205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_job" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "resource" varchar(50) not null, "status" text check ("status" in ('RECEIVING', 'QUEUED', 'VALIDATING', 'WRITING', 'DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED')) not null default 'RECEIVING', "owner_id" int not null, "actor" jsonb not null, "row_count" int not null default 0, "validated" int not null default 0, "written" int not null default 0, "problem_count" int not null default 0, "message" text null, "started_at" timestamptz null, "finished_at" timestamptz null);`,
    );
    this.addSql(`create index "import_job_owner_id_status_index" on "import_job" ("owner_id", "status");`);

    this.addSql(
      `create table "import_problem" ("job_id" int not null, "ord" int not null, "code" varchar(30) not null, "rule" varchar(60) null, "field" varchar(60) null, "message" text not null, constraint "import_problem_pkey" primary key ("job_id", "ord"));`,
    );

    this.addSql(
      `create table "import_row" ("job_id" int not null, "ord" int not null, "data" jsonb null, constraint "import_row_pkey" primary key ("job_id", "ord"));`,
    );

    this.addSql(
      `alter table "import_problem" add constraint "import_problem_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "import_row" add constraint "import_row_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_problem" drop constraint "import_problem_job_id_foreign";`);

    this.addSql(`alter table "import_row" drop constraint "import_row_job_id_foreign";`);

    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop table if exists "import_problem" cascade;`);

    this.addSql(`drop table if exists "import_row" cascade;`);
  }
}
