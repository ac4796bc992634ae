import { Migration } from '@mikro-orm/migrations';

export class Migration20261206064507 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`external_roster\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('GENERAL_HIGH_SCHOOL', 'SECONDARY_VOCATIONAL')) not null, \`label\` text not null, \`uploaded_on\` date not null, \`entries\` integer not null);`,
    );

    this.addSql(
      `create table \`external_roster_entry\` (\`roster_id\` integer not null, \`id_hash\` text not null, constraint \`external_roster_entry_roster_id_foreign\` foreign key(\`roster_id\`) references \`external_roster\`(\`id\`) on delete cascade on update cascade, primary key (\`roster_id\`, \`id_hash\`));`,
    );
    this.addSql(`create index \`external_roster_entry_roster_id_index\` on \`external_roster_entry\` (\`roster_id\`);`);

    this.addSql(
      `create table \`population_baseline\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`students\` integer not null, constraint \`population_baseline_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`population_baseline_city_id_index\` on \`population_baseline\` (\`city_id\`);`);
    this.addSql(`create unique index \`population_baseline_city_id_unique\` on \`population_baseline\` (\`city_id\`);`);

    this.addSql(
      `create table \`student\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`school_id\` integer not null, \`name\` text not null, \`id_cipher\` text not null, \`id_key_id\` text not null, \`id_hash\` text not null, \`birth_date\` date not null, \`sex\` text check (\`sex\` in ('MALE', 'FEMALE')) not null, \`target_group\` text check (\`target_group\` in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, \`origin_code\` text not null, \`registered_on\` date not null, \`status\` text check (\`status\` in ('ENROLLED', 'SUSPENDED', 'WITHDRAWN', 'TRANSFERRED', 'GRADUATED')) not null default 'ENROLLED', \`status_on\` date not null, \`left_on\` date null, \`status_history\` json not null, \`order_class_id\` integer null, \`cross_region_agreement_id\` integer null, constraint \`student_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade, constraint \`student_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`student_order_class_id_foreign\` foreign key(\`order_class_id\`) references \`order_class\`(\`id\`) on delete set null on update cascade, constraint \`student_cross_region_agreement_id_foreign\` foreign key(\`cross_region_agreement_id\`) references \`cross_region_agreement\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create index \`student_plan_id_index\` on \`student\` (\`plan_id\`);`);
    this.addSql(`create index \`student_id_hash_index\` on \`student\` (\`id_hash\`);`);
    this.addSql(`create index \`student_order_class_id_index\` on \`student\` (\`order_class_id\`);`);
    this.addSql(`create index \`student_cross_region_agreement_id_index\` on \`student\` (\`cross_region_agreement_id\`);`);
    this.addSql(`create index \`student_registered_on_left_on_index\` on \`student\` (\`registered_on\`, \`left_on\`);`);
    this.addSql(`create index \`student_school_id_status_index\` on \`student\` (\`school_id\`, \`status\`);`);

    this.addSql(
      `create table \`joint_check_case\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`student_id\` integer not null, \`school_id\` integer not null, \`roster_id\` integer not null, \`matched_on\` date not null, \`status\` text check (\`status\` in ('OPEN', 'EXPLAINED', 'REFERRED')) not null default 'OPEN', \`note\` text null, constraint \`joint_check_case_student_id_foreign\` foreign key(\`student_id\`) references \`student\`(\`id\`) on delete cascade on update cascade, constraint \`joint_check_case_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`joint_check_case_roster_id_foreign\` foreign key(\`roster_id\`) references \`external_roster\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`joint_check_case_student_id_index\` on \`joint_check_case\` (\`student_id\`);`);
    this.addSql(`create index \`joint_check_case_school_id_index\` on \`joint_check_case\` (\`school_id\`);`);
    this.addSql(`create index \`joint_check_case_roster_id_index\` on \`joint_check_case\` (\`roster_id\`);`);

    this.addSql(`alter table \`intake\` add column \`source\` text check (\`source\` in ('REPORTED', 'ROSTER')) not null default 'REPORTED';`);
  }
}
