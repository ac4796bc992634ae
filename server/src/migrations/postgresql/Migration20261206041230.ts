import { Migration } from '@mikro-orm/migrations';

/** The city assessment's (绩效考核) published weights, as the province first publishes them; it edits them from then on. */
export class Migration20261206041230 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "scoring_weight" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "criterion" text check ("criterion" in ('COMPLETION', 'ADVANCED_SHARE', 'ADVANCED_TREND', 'SUMMARY_ON_TIME', 'OUTREACH_VISITS', 'OPEN_CASES')) not null, "weight" int not null);`,
    );
    this.addSql(`alter table "scoring_weight" add constraint "scoring_weight_criterion_unique" unique ("criterion");`);
    this.addSql(
      `insert into "scoring_weight" ("version", "created_at", "updated_at", "criterion", "weight") select 1, now(), now(), c, w from (values ('COMPLETION', 40), ('ADVANCED_SHARE', 15), ('ADVANCED_TREND', 10), ('SUMMARY_ON_TIME', 10), ('OUTREACH_VISITS', 10), ('OPEN_CASES', 15)) as d(c, w);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scoring_weight" cascade;`);
  }
}
