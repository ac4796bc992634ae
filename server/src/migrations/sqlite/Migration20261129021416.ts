import { Migration } from '@mikro-orm/migrations';

export class Migration20261129021416 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`annual_summary\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`problems\` text null, \`next_year_measures\` text null, \`submitted_on\` date null, constraint \`annual_summary_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`annual_summary_city_id_index\` on \`annual_summary\` (\`city_id\`);`);
    this.addSql(`create unique index \`annual_summary_city_id_year_unique\` on \`annual_summary\` (\`city_id\`, \`year\`);`);

    this.addSql(`create table \`plan_transition\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`step\` text check (\`step\` in ('SUBMIT', 'APPROVE', 'FILE', 'RETURN')) not null, \`from_status\` text check (\`from_status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, \`to_status\` text check (\`to_status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, \`reason\` text null, \`occurred_on\` date not null, constraint \`plan_transition_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`plan_transition_plan_id_index\` on \`plan_transition\` (\`plan_id\`);`);

    this.addSql(`create table \`plan_adjustment\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`old_seats\` integer not null, \`new_seats\` integer not null, \`reason\` text not null, \`requested_by\` text not null, \`requested_on\` date not null, \`decision\` text check (\`decision\` in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', \`decided_by\` text null, \`decided_on\` date null, \`decision_note\` text null, constraint \`plan_adjustment_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`);
    this.addSql(`create index \`plan_adjustment_plan_id_index\` on \`plan_adjustment\` (\`plan_id\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`company__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`short_name\` text null, \`credit_code\` text not null, \`industry\` text check (\`industry\` in ('NEW_GENERATION_IT', 'HIGH_END_EQUIPMENT', 'MODERN_CONSUMER_HEALTH', 'GREEN_PETROCHEMICAL_MATERIALS', 'EMERGING_MANUFACTURING', 'DIGITAL_ECONOMY', 'MODERN_AGRICULTURE', 'MODERN_SERVICES', 'OTHER')) not null, \`city_id\` integer not null, constraint \`company_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`company__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`name\`, \`short_name\`, \`credit_code\`, \`industry\`, \`city_id\` from \`company\`;`);
    this.addSql(`drop table \`company\`;`);
    this.addSql(`alter table \`company__temp_alter\` rename to \`company\`;`);
    this.addSql(`create unique index \`company_credit_code_unique\` on \`company\` (\`credit_code\`);`);
    this.addSql(`create index \`company_industry_index\` on \`company\` (\`industry\`);`);
    this.addSql(`create index \`company_city_id_index\` on \`company\` (\`city_id\`);`);
    this.addSql(`pragma foreign_keys = on;pragma foreign_keys = off;`);
    this.addSql(`create table \`incentive__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`kind\` text check (\`kind\` in ('TUITION_WAIVER', 'LIVING_COST_WAIVER', 'SCHOLARSHIP', 'GRANT', 'PARTNER_CITY_SUBSIDY')) not null, \`amount_per_student\` integer not null, \`eligibility\` text null, \`target_groups\` text not null, constraint \`incentive_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`incentive__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`city_id\`, \`year\`, \`kind\`, \`amount_per_student\`, \`eligibility\`, \`target_groups\` from \`incentive\`;`);
    this.addSql(`drop table \`incentive\`;`);
    this.addSql(`alter table \`incentive__temp_alter\` rename to \`incentive\`;`);
    this.addSql(`create index \`incentive_city_id_index\` on \`incentive\` (\`city_id\`);`);
    this.addSql(`create index \`incentive_year_index\` on \`incentive\` (\`year\`);`);
    this.addSql(`create table \`major__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`category\` text not null, \`levels\` text not null);`);
    this.addSql(`insert into \`major__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`code\`, \`name\`, \`category\`, \`levels\` from \`major\`;`);
    this.addSql(`drop table \`major\`;`);
    this.addSql(`alter table \`major__temp_alter\` rename to \`major\`;`);
    this.addSql(`create unique index \`major_code_unique\` on \`major\` (\`code\`);`);
    this.addSql(`create table \`school__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text check (\`type\` in ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL')) not null, \`city_id\` integer not null, \`provincial\` integer not null default false, \`ownership\` text check (\`ownership\` in ('PUBLIC', 'PRIVATE', 'ENTERPRISE')) not null default 'PUBLIC', constraint \`school_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`school__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`name\`, \`type\`, \`city_id\`, \`provincial\`, \`ownership\` from \`school\`;`);
    this.addSql(`drop table \`school\`;`);
    this.addSql(`alter table \`school__temp_alter\` rename to \`school\`;`);
    this.addSql(`create unique index \`school_name_unique\` on \`school\` (\`name\`);`);
    this.addSql(`create index \`school_city_id_index\` on \`school\` (\`city_id\`);`);
    this.addSql(`create table \`program__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`major_id\` integer not null, \`level\` text check (\`level\` in ('INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN')) not null, \`entry_basis\` text check (\`entry_basis\` in ('JUNIOR_HIGH', 'SENIOR_HIGH', 'CERTIFICATE')) not null, \`duration_years\` integer not null, \`study_mode\` text check (\`study_mode\` in ('FULL_TIME', 'PART_TIME', 'SKILLS_TRAINING')) not null default 'FULL_TIME', \`filed_on\` date null, constraint \`program_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`program_major_id_foreign\` foreign key(\`major_id\`) references \`major\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`program__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`school_id\`, \`major_id\`, \`level\`, \`entry_basis\`, \`duration_years\`, \`study_mode\`, \`filed_on\` from \`program\`;`);
    this.addSql(`drop table \`program\`;`);
    this.addSql(`alter table \`program__temp_alter\` rename to \`program\`;`);
    this.addSql(`create index \`program_school_id_index\` on \`program\` (\`school_id\`);`);
    this.addSql(`create index \`program_major_id_index\` on \`program\` (\`major_id\`);`);
    this.addSql(`create unique index \`program_school_id_major_id_level_entry_basis_study_mode_unique\` on \`program\` (\`school_id\`, \`major_id\`, \`level\`, \`entry_basis\`, \`study_mode\`);`);
    this.addSql(`create table \`partnership__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`company_id\` integer not null, \`kind\` text check (\`kind\` in ('ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY')) not null, \`starts_on\` date not null, \`ends_on\` date null, \`status\` text check (\`status\` in ('ACTIVE', 'ENDED', 'SUSPENDED')) not null default 'ACTIVE', \`positions_offered\` integer null, \`notes\` text null, constraint \`partnership_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`partnership_company_id_foreign\` foreign key(\`company_id\`) references \`company\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`partnership__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`school_id\`, \`company_id\`, \`kind\`, \`starts_on\`, \`ends_on\`, \`status\`, \`positions_offered\`, \`notes\` from \`partnership\`;`);
    this.addSql(`drop table \`partnership\`;`);
    this.addSql(`alter table \`partnership__temp_alter\` rename to \`partnership\`;`);
    this.addSql(`create index \`partnership_school_id_index\` on \`partnership\` (\`school_id\`);`);
    this.addSql(`create index \`partnership_company_id_index\` on \`partnership\` (\`company_id\`);`);
    this.addSql(`create table \`enrollment_plan__temp_alter\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`program_id\` integer not null, \`year\` integer not null, \`season\` text check (\`season\` in ('SPRING', 'AUTUMN')) not null, \`seats\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null default 'DRAFT', constraint \`enrollment_plan_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`enrollment_plan_program_id_foreign\` foreign key(\`program_id\`) references \`program\`(\`id\`) on update cascade);`);
    this.addSql(`insert into \`enrollment_plan__temp_alter\` select \`id\`, \`version\`, \`created_at\`, \`updated_at\`, \`school_id\`, \`program_id\`, \`year\`, \`season\`, \`seats\`, \`status\` from \`enrollment_plan\`;`);
    this.addSql(`drop table \`enrollment_plan\`;`);
    this.addSql(`alter table \`enrollment_plan__temp_alter\` rename to \`enrollment_plan\`;`);
    this.addSql(`create index \`enrollment_plan_school_id_index\` on \`enrollment_plan\` (\`school_id\`);`);
    this.addSql(`create index \`enrollment_plan_program_id_index\` on \`enrollment_plan\` (\`program_id\`);`);
    this.addSql(`create index \`enrollment_plan_year_index\` on \`enrollment_plan\` (\`year\`);`);
    this.addSql(`create unique index \`enrollment_plan_program_id_year_season_unique\` on \`enrollment_plan\` (\`program_id\`, \`year\`, \`season\`);`);
    this.addSql(`pragma foreign_keys = on;create index \`intake_plan_target_group_origin_count_index\` on \`intake\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`count\`);`);
    this.addSql(`create index \`intake_plan_registered_on_count_index\` on \`intake\` (\`plan_id\`, \`registered_on\`, \`count\`);`);
  }

}
