import { Migration } from '@mikro-orm/migrations';

/** Per user and alert: read on which day, delivered through the outbound channel when, failed rounds. */
export class Migration20261206042246 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`alert_receipt\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` integer not null, \`alert_key\` text not null, \`read_on\` date null, \`delivered_at\` datetime null, \`attempts\` integer not null default 0, constraint \`alert_receipt_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`alert_receipt_user_id_index\` on \`alert_receipt\` (\`user_id\`);`);
    this.addSql(`create unique index \`alert_receipt_user_id_alert_key_unique\` on \`alert_receipt\` (\`user_id\`, \`alert_key\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`alert_receipt\`;`);
  }
}
