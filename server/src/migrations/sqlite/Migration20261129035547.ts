import { Migration } from '@mikro-orm/migrations';

export class Migration20261129035547 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`action\` text check (\`action\` in ('CREATE', 'UPDATE', 'DELETE')) not null, \`entity_name\` text not null, \`entity_id\` integer not null, \`actor_id\` integer null, \`actor_name\` text not null, \`city_id\` integer null, \`changes\` json not null);`,
    );
    this.addSql(`create index \`audit_entry_city_id_index\` on \`audit_entry\` (\`city_id\`);`);
    this.addSql(`create index \`audit_entry_entity_name_entity_id_index\` on \`audit_entry\` (\`entity_name\`, \`entity_id\`);`);

    this.addSql(
      `create table \`city\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`display_order\` integer not null);`,
    );
    this.addSql(`create unique index \`city_code_unique\` on \`city\` (\`code\`);`);

    this.addSql(
      `create table \`campaign_target\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`seats\` integer not null, constraint \`campaign_target_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`campaign_target_city_id_index\` on \`campaign_target\` (\`city_id\`);`);
    this.addSql(`create unique index \`campaign_target_city_id_year_unique\` on \`campaign_target\` (\`city_id\`, \`year\`);`);

    this.addSql(
      `create table \`annual_summary\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`problems\` text null, \`next_year_measures\` text null, \`submitted_on\` date null, constraint \`annual_summary_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`annual_summary_city_id_index\` on \`annual_summary\` (\`city_id\`);`);
    this.addSql(`create unique index \`annual_summary_city_id_year_unique\` on \`annual_summary\` (\`city_id\`, \`year\`);`);

    this.addSql(
      `create table \`company\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`short_name\` text null, \`credit_code\` text not null, \`industry\` text check (\`industry\` in ('NEW_GENERATION_IT', 'HIGH_END_EQUIPMENT', 'MODERN_CONSUMER_HEALTH', 'GREEN_PETROCHEMICAL_MATERIALS', 'EMERGING_MANUFACTURING', 'DIGITAL_ECONOMY', 'MODERN_AGRICULTURE', 'MODERN_SERVICES', 'OTHER')) not null, \`city_id\` integer not null, constraint \`company_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create unique index \`company_credit_code_unique\` on \`company\` (\`credit_code\`);`);
    this.addSql(`create index \`company_industry_index\` on \`company\` (\`industry\`);`);
    this.addSql(`create index \`company_city_id_index\` on \`company\` (\`city_id\`);`);

    this.addSql(
      `create table \`incentive\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`year\` integer not null, \`kind\` text check (\`kind\` in ('TUITION_WAIVER', 'LIVING_COST_WAIVER', 'SCHOLARSHIP', 'GRANT', 'PARTNER_CITY_SUBSIDY')) not null, \`amount_per_student\` integer not null, \`eligibility\` text null, \`target_groups\` text not null, constraint \`incentive_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`incentive_city_id_index\` on \`incentive\` (\`city_id\`);`);
    this.addSql(`create index \`incentive_year_index\` on \`incentive\` (\`year\`);`);

    this.addSql(
      `create table \`major\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`category\` text not null, \`levels\` text not null);`,
    );
    this.addSql(`create unique index \`major_code_unique\` on \`major\` (\`code\`);`);

    this.addSql(
      `create table \`outreach_visit\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`visited_on\` date not null, \`province_code\` text not null, \`delegation_lead\` text not null, \`agreements_signed\` integer not null default 0, \`notes\` text null, constraint \`outreach_visit_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`outreach_visit_city_id_index\` on \`outreach_visit\` (\`city_id\`);`);
    this.addSql(`create index \`outreach_visit_province_code_index\` on \`outreach_visit\` (\`province_code\`);`);

    this.addSql(
      `create table \`school\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text check (\`type\` in ('TECHNICIAN_COLLEGE', 'SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL')) not null, \`city_id\` integer not null, \`provincial\` integer not null default false, \`ownership\` text check (\`ownership\` in ('PUBLIC', 'PRIVATE', 'ENTERPRISE')) not null default 'PUBLIC', constraint \`school_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create unique index \`school_name_unique\` on \`school\` (\`name\`);`);
    this.addSql(`create index \`school_city_id_index\` on \`school\` (\`city_id\`);`);

    this.addSql(
      `create table \`program\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`major_id\` integer not null, \`level\` text check (\`level\` in ('INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN')) not null, \`entry_basis\` text check (\`entry_basis\` in ('JUNIOR_HIGH', 'SENIOR_HIGH', 'CERTIFICATE')) not null, \`duration_years\` integer not null, \`study_mode\` text check (\`study_mode\` in ('FULL_TIME', 'PART_TIME', 'SKILLS_TRAINING')) not null default 'FULL_TIME', \`filed_on\` date null, constraint \`program_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`program_major_id_foreign\` foreign key(\`major_id\`) references \`major\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`program_school_id_index\` on \`program\` (\`school_id\`);`);
    this.addSql(`create index \`program_major_id_index\` on \`program\` (\`major_id\`);`);
    this.addSql(
      `create unique index \`program_school_id_major_id_level_entry_basis_study_mode_unique\` on \`program\` (\`school_id\`, \`major_id\`, \`level\`, \`entry_basis\`, \`study_mode\`);`,
    );

    this.addSql(
      `create table \`partnership\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`company_id\` integer not null, \`kind\` text check (\`kind\` in ('ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY')) not null, \`starts_on\` date not null, \`ends_on\` date null, \`status\` text check (\`status\` in ('ACTIVE', 'ENDED', 'SUSPENDED')) not null default 'ACTIVE', \`positions_offered\` integer null, \`notes\` text null, constraint \`partnership_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`partnership_company_id_foreign\` foreign key(\`company_id\`) references \`company\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`partnership_school_id_index\` on \`partnership\` (\`school_id\`);`);
    this.addSql(`create index \`partnership_company_id_index\` on \`partnership\` (\`company_id\`);`);

    this.addSql(
      `create table \`order_class\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`partnership_id\` integer not null, \`program_id\` integer not null, \`year\` integer not null, \`season\` text check (\`season\` in ('SPRING', 'AUTUMN')) not null, \`name\` text not null, \`seats\` integer not null, \`enrolled\` integer not null default 0, \`employment_commitment\` integer null, \`stipend_per_year\` integer null, constraint \`order_class_partnership_id_foreign\` foreign key(\`partnership_id\`) references \`partnership\`(\`id\`) on update cascade, constraint \`order_class_program_id_foreign\` foreign key(\`program_id\`) references \`program\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`order_class_partnership_id_index\` on \`order_class\` (\`partnership_id\`);`);
    this.addSql(`create index \`order_class_program_id_index\` on \`order_class\` (\`program_id\`);`);
    this.addSql(`create index \`order_class_program_id_year_season_index\` on \`order_class\` (\`program_id\`, \`year\`, \`season\`);`);

    this.addSql(
      `create table \`enrollment_plan\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`program_id\` integer not null, \`year\` integer not null, \`season\` text check (\`season\` in ('SPRING', 'AUTUMN')) not null, \`seats\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null default 'DRAFT', constraint \`enrollment_plan_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`enrollment_plan_program_id_foreign\` foreign key(\`program_id\`) references \`program\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`enrollment_plan_school_id_index\` on \`enrollment_plan\` (\`school_id\`);`);
    this.addSql(`create index \`enrollment_plan_program_id_index\` on \`enrollment_plan\` (\`program_id\`);`);
    this.addSql(`create index \`enrollment_plan_year_index\` on \`enrollment_plan\` (\`year\`);`);
    this.addSql(`create unique index \`enrollment_plan_program_id_year_season_unique\` on \`enrollment_plan\` (\`program_id\`, \`year\`, \`season\`);`);

    this.addSql(
      `create table \`plan_transition\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`step\` text check (\`step\` in ('SUBMIT', 'APPROVE', 'FILE', 'RETURN')) not null, \`from_status\` text check (\`from_status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, \`to_status\` text check (\`to_status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'FILED')) not null, \`reason\` text null, \`occurred_on\` date not null, constraint \`plan_transition_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`plan_transition_plan_id_index\` on \`plan_transition\` (\`plan_id\`);`);

    this.addSql(
      `create table \`plan_adjustment\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`old_seats\` integer not null, \`new_seats\` integer not null, \`reason\` text not null, \`requested_by\` text not null, \`requested_on\` date not null, \`decision\` text check (\`decision\` in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', \`decided_by\` text null, \`decided_on\` date null, \`decision_note\` text null, constraint \`plan_adjustment_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`plan_adjustment_plan_id_index\` on \`plan_adjustment\` (\`plan_id\`);`);

    this.addSql(
      `create table \`intake\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` integer not null, \`count\` integer not null, \`target_group\` text check (\`target_group\` in ('JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE', 'SENIOR_HIGH_PAST', 'ENTERPRISE_EMPLOYEE', 'UNEMPLOYED', 'FLEXIBLE_EMPLOYMENT', 'MIGRANT_WORKER', 'NEW_FARMER', 'OTHER')) not null, \`origin_code\` text not null, \`registered_on\` date not null, constraint \`intake_plan_id_foreign\` foreign key(\`plan_id\`) references \`enrollment_plan\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`intake_plan_id_index\` on \`intake\` (\`plan_id\`);`);
    this.addSql(`create index \`intake_origin_code_index\` on \`intake\` (\`origin_code\`);`);
    this.addSql(`create index \`intake_plan_target_group_origin_count_index\` on \`intake\` (\`plan_id\`, \`target_group\`, \`origin_code\`, \`count\`);`);
    this.addSql(`create index \`intake_plan_registered_on_count_index\` on \`intake\` (\`plan_id\`, \`registered_on\`, \`count\`);`);

    this.addSql(
      `create table \`cross_region_agreement\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`city_id\` integer not null, \`school_id\` integer not null, \`program_id\` integer not null, \`partner_province_code\` text not null, \`partner_institution\` text not null, \`stages\` json not null, \`seats\` integer not null, \`signed_on\` date not null, \`enrolled\` integer not null default 0, constraint \`cross_region_agreement_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on update cascade, constraint \`cross_region_agreement_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade, constraint \`cross_region_agreement_program_id_foreign\` foreign key(\`program_id\`) references \`program\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`cross_region_agreement_city_id_index\` on \`cross_region_agreement\` (\`city_id\`);`);
    this.addSql(`create index \`cross_region_agreement_school_id_index\` on \`cross_region_agreement\` (\`school_id\`);`);
    this.addSql(`create index \`cross_region_agreement_program_id_index\` on \`cross_region_agreement\` (\`program_id\`);`);
    this.addSql(`create index \`cross_region_agreement_partner_province_code_index\` on \`cross_region_agreement\` (\`partner_province_code\`);`);

    this.addSql(
      `create table \`school_target\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`school_id\` integer not null, \`year\` integer not null, \`seats\` integer not null, constraint \`school_target_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`school_target_school_id_index\` on \`school_target\` (\`school_id\`);`);
    this.addSql(`create unique index \`school_target_school_id_year_unique\` on \`school_target\` (\`school_id\`, \`year\`);`);

    this.addSql(
      `create table \`app_user\` (\`id\` integer not null primary key autoincrement, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`username\` text not null, \`display_name\` text null, \`role\` text check (\`role\` in ('PROVINCE_ADMIN', 'CITY_ADMIN', 'SCHOOL_STAFF', 'ANALYST', 'SERVICE')) not null, \`city_id\` integer null, \`school_id\` integer null, \`active\` integer not null default true, \`password_hash\` text not null, \`token_version\` integer not null default 1, constraint \`app_user_city_id_foreign\` foreign key(\`city_id\`) references \`city\`(\`id\`) on delete set null on update cascade, constraint \`app_user_school_id_foreign\` foreign key(\`school_id\`) references \`school\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
    this.addSql(`create index \`app_user_city_id_index\` on \`app_user\` (\`city_id\`);`);
    this.addSql(`create index \`app_user_school_id_index\` on \`app_user\` (\`school_id\`);`);
  }
}
