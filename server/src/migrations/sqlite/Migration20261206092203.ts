import { Migration } from '@mikro-orm/migrations';

export class Migration20261206092203 extends Migration {
  /** Import jobs: the job, its added rows and their problems (modules/import). */
  override async up(): Promise<void> {
    this.addSql(
      `create table \`import_job\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`resource\` text not null, \`status\` text check (\`status\` in ('RECEIVING', 'QUEUED', 'VALIDATING', 'WRITING', 'DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED')) not null default 'RECEIVING', \`owner_id\` integer not null, \`actor\` json not null, \`row_count\` integer not null default 0, \`validated\` integer not null default 0, \`written\` integer not null default 0, \`problem_count\` integer not null default 0, \`message\` text null, \`started_at\` datetime null, \`finished_at\` datetime null);`,
    );
    this.addSql(`create index \`import_job_owner_id_status_index\` on \`import_job\` (\`owner_id\`, \`status\`);`);

    this.addSql(
      `create table \`import_problem\` (\`job_id\` integer not null, \`ord\` integer not null, \`code\` text not null, \`rule\` text null, \`field\` text null, \`message\` text not null, constraint \`import_problem_job_id_foreign\` foreign key(\`job_id\`) references \`import_job\`(\`id\`) on delete cascade on update cascade, primary key (\`job_id\`, \`ord\`));`,
    );
    this.addSql(`create index \`import_problem_job_id_index\` on \`import_problem\` (\`job_id\`);`);

    this.addSql(
      `create table \`import_row\` (\`job_id\` integer not null, \`ord\` integer not null, \`data\` json null, constraint \`import_row_job_id_foreign\` foreign key(\`job_id\`) references \`import_job\`(\`id\`) on delete cascade on update cascade, primary key (\`job_id\`, \`ord\`));`,
    );
    this.addSql(`create index \`import_row_job_id_index\` on \`import_row\` (\`job_id\`);`);
  }
}
