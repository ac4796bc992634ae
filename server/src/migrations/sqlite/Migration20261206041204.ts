import { Migration } from '@mikro-orm/migrations';

/** The city assessment's (绩效考核) published weights, as the province first publishes them; it edits them from then on. */
export class Migration20261206041204 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`scoring_weight\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`criterion\` text check (\`criterion\` in ('COMPLETION', 'ADVANCED_SHARE', 'ADVANCED_TREND', 'SUMMARY_ON_TIME', 'OUTREACH_VISITS', 'OPEN_CASES')) not null, \`weight\` integer not null);`,
    );
    this.addSql(`create unique index \`scoring_weight_criterion_unique\` on \`scoring_weight\` (\`criterion\`);`);
    this.addSql(
      `insert into \`scoring_weight\` (\`version\`, \`created_at\`, \`updated_at\`, \`criterion\`, \`weight\`) select 1, cast(strftime('%s', 'now') as integer) * 1000, cast(strftime('%s', 'now') as integer) * 1000, c, w from (select 'COMPLETION' as c, 40 as w union all select 'ADVANCED_SHARE', 15 union all select 'ADVANCED_TREND', 10 union all select 'SUMMARY_ON_TIME', 10 union all select 'OUTREACH_VISITS', 10 union all select 'OPEN_CASES', 15);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`scoring_weight\`;`);
  }
}
