import { Migration } from '@mikro-orm/migrations';

/** The enrollment-order register (招生秩序): complaints and inspections per city and school. */
export class Migration20261206035920 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`discipline_case\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`school_id\` integer null, \`kind\` text check (\`kind\` in ('ILLEGAL_RECRUITMENT', 'FALSE_ADVERTISING', 'MISLEADING_STUDENTS', 'FALSE_REGISTRATION', 'OTHER')) not null, \`source\` text check (\`source\` in ('COMPLAINT', 'INSPECTION', 'MEDIA', 'ASSIGNED', 'OTHER')) not null, \`reported_on\` date not null, \`summary\` text not null, \`findings\` text null, \`measures\` text null, \`status\` text check (\`status\` in ('OPEN', 'VERIFIED', 'DISMISSED', 'REFERRED')) not null default 'OPEN', \`status_changed_on\` date null, \`referred_on\` date null, \`attachments\` json not null, constraint \`discipline_case_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade, constraint \`discipline_case_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create index \`discipline_case_city_id_index\` on \`discipline_case\` (\`city_id\`);`);
    this.addSql(`create index \`discipline_case_school_id_index\` on \`discipline_case\` (\`school_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`discipline_case\`;`);
  }
}
