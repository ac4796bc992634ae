import { Role } from '../modules/user/role.js';

/**
 * Who may read and write each resource, and where its rows stand: `city` and `school` are paths from
 * a row to its city and school. A city admin sees and writes only rows of its city, school staff only
 * rows of its school. A resource without a `city` path is reference data every signed-in user reads.
 */
export interface Policy {
  write: Role[];
  city?: string;
  school?: string;
  /** Further limit on what school staff may write (the notice: schools draft, others decide). */
  staffMayWrite?: (row: Record<string, unknown>) => boolean;
  /** Readers, when not everyone signed in. */
  read?: Role[];
}

const { PROVINCE_ADMIN, CITY_ADMIN, SCHOOL_STAFF } = Role;
const PROVINCE = [PROVINCE_ADMIN];
const BUREAUS = [PROVINCE_ADMIN, CITY_ADMIN];
const EVERY_OFFICE = [PROVINCE_ADMIN, CITY_ADMIN, SCHOOL_STAFF];

const bySchool = (school: string) => ({ city: `${school}.city`, school });

export const POLICIES: Record<string, Policy> = {
  City: { write: PROVINCE },
  CampaignTarget: { write: PROVINCE },
  Major: { write: PROVINCE },
  School: { write: BUREAUS, city: 'city', school: 'id' },
  SchoolTarget: { write: BUREAUS, ...bySchool('school') },
  Program: { write: BUREAUS, ...bySchool('school') },
  EnrollmentPlan: { write: EVERY_OFFICE, ...bySchool('school'), staffMayWrite: (plan) => plan.status === 'DRAFT' },
  Intake: { write: EVERY_OFFICE, ...bySchool('plan.school') },
  PlanAdjustment: { write: EVERY_OFFICE, ...bySchool('plan.school') },
  PlanTransition: { write: [], ...bySchool('plan.school') },
  AnnualSummary: { write: BUREAUS, city: 'city' },
  Company: { write: BUREAUS },
  Partnership: { write: EVERY_OFFICE, ...bySchool('school') },
  OrderClass: { write: EVERY_OFFICE, ...bySchool('partnership.school') },
  CrossRegionAgreement: { write: BUREAUS, city: 'city' },
  OutreachVisit: { write: BUREAUS, city: 'city' },
  Incentive: { write: BUREAUS, city: 'city' },
  DisciplineCase: { write: BUREAUS, city: 'city', read: BUREAUS },
  ScoringWeight: { write: PROVINCE },
  User: { write: PROVINCE, read: PROVINCE },
  AuditEntry: { write: [], city: 'cityId', read: BUREAUS },
};

/** Resources added later default to the safest policy: province admins write, everyone signed in reads. */
export const policyOf = (resource: string): Policy => POLICIES[resource] ?? { write: PROVINCE };
