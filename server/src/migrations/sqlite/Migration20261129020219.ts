import { Migration } from '@mikro-orm/migrations';

export class Migration20261129020219 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`city\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`display_order\` integer not null);`);
    this.addSql(`create unique index \`city_code_unique\` on \`city\` (\`code\`);`);

    this.addSql(`create table \`campaign_target\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`seats\` integer not null, constraint \`campaign_target_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`campaign_target_city_id_index\` on \`campaign_target\` (\`city_id\`);`);
    this.addSql(`create unique index \`campaign_target_city_id_year_unique\` on \`campaign_target\` (\`city_id\`, \`year\`);`);

    this.addSql(`create table \`major\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`category\` text not null, \`levels\` text not null);`);
    this.addSql(`create unique index \`major_code_unique\` on \`major\` (\`code\`);`);

    this.addSql(`create table \`school\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text check (\`type\` in ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL')) not null, \`city_id\` integer not null, \`provincial\` integer not null default false, \`ownership\` text check (\`ownership\` in ('PUBLIC', 'PRIVATE', 'ENTERPRISE')) not null default 'PUBLIC', constraint \`school_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`create unique index \`school_name_unique\` on \`school\` (\`name\`);`);
    this.addSql(`create index \`school_city_id_index\` on \`school\` (\`city_id\`);`);

    this.addSql(`create table \`program\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`major_id\` integer not null, \`level\` text check (\`level\` in ('INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN')) not null, \`entry_basis\` text check (\`entry_basis\` in ('JUNIOR_HIGH', 'SENIOR_HIGH', 'CERTIFICATE')) not null, \`duration_years\` integer not null, \`study_mode\` text check (\`study_mode\` in ('FULL_TIME', 'PART_TIME', 'SKILLS_TRAINING')) not null default 'FULL_TIME', \`filed_on\` date null, constraint \`program_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`program_major_id_foreign\` foreign key(\`major_id\`) references \`major\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`program_school_id_index\` on \`program\` (\`school_id\`);`);
    this.addSql(`create index \`program_major_id_index\` on \`program\` (\`major_id\`);`);
    this.addSql(`create unique index \`program_school_id_major_id_level_entry_basis_study_mode_unique\` on \`program\` (\`school_id\`, \`major_id\`, \`level\`, \`entry_basis\`, \`study_mode\`);`);

    this.addSql(`create table \`enrollment_plan\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`program_id\` integer not null, \`year\` integer not null, \`season\` text check (\`season\` in ('SPRING', 'AUTUMN')) not null, \`seats\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null default 'DRAFT', constraint \`enrollment_plan_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`enrollment_plan_program_id_foreign\` foreign key(\`program_id\`) references \`program\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`enrollment_plan_school_id_index\` on \`enrollment_plan\` (\`school_id\`);`);
    this.addSql(`create index \`enrollment_plan_program_id_index\` on \`enrollment_plan\` (\`program_id\`);`);
    this.addSql(`create index \`enrollment_plan_year_index\` on \`enrollment_plan\` (\`year\`);`);
    this.addSql(`create unique index \`enrollment_plan_program_id_year_season_unique\` on \`enrollment_plan\` (\`program_id\`, \`year\`, \`season\`);`);

    this.addSql(`create table \`intake\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`count\` integer not null, \`target_group\` text check (\`target_group\` in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, \`origin_code\` text not null, \`registered_on\` date not null, constraint \`intake_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`intake_plan_id_index\` on \`intake\` (\`plan_id\`);`);
    this.addSql(`create index \`intake_origin_code_index\` on \`intake\` (\`origin_code\`);`);

    this.addSql(`create table \`school_target\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`year\` integer not null, \`seats\` integer not null, constraint \`school_target_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`school_target_school_id_index\` on \`school_target\` (\`school_id\`);`);
    this.addSql(`create unique index \`school_target_school_id_year_unique\` on \`school_target\` (\`school_id\`, \`year\`);`);
  }

}
