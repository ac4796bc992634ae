import type { Role, SessionUser } from './session';

/**
 * What each role may write, mirroring server/src/auth/policies.ts (the server enforces it; this only
 * decides which buttons to show). Keep the two in step when a policy changes.
 */
const PROVINCE: Role[] = ['PROVINCE_ADMIN'];
const BUREAUS: Role[] = ['PROVINCE_ADMIN', 'CITY_ADMIN'];
const EVERY_OFFICE: Role[] = ['PROVINCE_ADMIN', 'CITY_ADMIN', 'SCHOOL_STAFF'];

const WRITERS: Record<string, Role[]> = {
  City: PROVINCE,
  CampaignTarget: PROVINCE,
  Major: PROVINCE,
  School: BUREAUS,
  SchoolTarget: BUREAUS,
  Program: BUREAUS,
  EnrollmentPlan: EVERY_OFFICE,
  Intake: EVERY_OFFICE,
  PlanAdjustment: EVERY_OFFICE,
  PlanTransition: [],
  AnnualSummary: BUREAUS,
  Company: BUREAUS,
  Partnership: EVERY_OFFICE,
  OrderClass: EVERY_OFFICE,
  CrossRegionAgreement: BUREAUS,
  OutreachVisit: BUREAUS,
  Incentive: BUREAUS,
  DisciplineCase: BUREAUS,
  ScoringWeight: PROVINCE,
  User: PROVINCE,
  AuditEntry: [],
};

/** Readers, where not everyone signed in may read. */
const READERS: Record<string, Role[]> = { User: PROVINCE, AuditEntry: BUREAUS, DisciplineCase: BUREAUS };

/** The plan workflow's chain of authority (server/src/auth/plan-authority.ts): who may take each step at all. */
const STEPS: Record<PlanStepName, Role[]> = {
  submit: ['PROVINCE_ADMIN', 'SCHOOL_STAFF'],
  approve: BUREAUS,
  return: BUREAUS,
  file: PROVINCE,
};

export type PlanStepName = 'submit' | 'approve' | 'return' | 'file';

/** react-admin's permissions: the role and the city or school it is bound to. */
export type Permissions = Pick<SessionUser, 'role' | 'cityId' | 'schoolId'>;

export const canWrite = (permissions: Permissions | undefined, resource: string): boolean =>
  Boolean(permissions && (WRITERS[resource] ?? PROVINCE).includes(permissions.role));

export const canRead = (permissions: Permissions | undefined, resource: string): boolean =>
  Boolean(permissions && (READERS[resource]?.includes(permissions.role) ?? true));

export const canTakeStep = (permissions: Permissions | undefined, step: PlanStepName): boolean =>
  Boolean(permissions && STEPS[step].includes(permissions.role));
