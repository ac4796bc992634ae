import type { ClassType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { createCrudResolver } from '../common/crud.resolver.js';
import { createAggregateResolver } from '../aggregate/aggregate.resolver.js';
import type { ResourceDef } from '../common/resource.js';
import { cityResource } from './city/city.resource.js';
import { campaignTargetResource } from './target/campaign-target.resource.js';
import { schoolResource } from './school/school.resource.js';
import { schoolTargetResource } from './target/school-target.resource.js';
import { majorResource } from './major/major.resource.js';
import { programResource } from './program/program.resource.js';
import { enrollmentPlanResource } from './plan/enrollment-plan.resource.js';
import { intakeResource } from './intake/intake.resource.js';
import { studentResource } from './student/student.resource.js';
import { StudentResolver, studentQueries } from './student/student.resolver.js';
import { jointCheckCaseResource } from './student/joint-check-case.resource.js';
import { ExternalRoster, ExternalRosterEntry } from './student/external-roster.entity.js';
import { ExternalRosterResolver, rosterQueries } from './student/external-roster.resolver.js';
import { PopulationResolver, populationQueries } from './student/population.resolver.js';
import { populationBaselineResource } from './student/population-baseline.resource.js';
import { IntakeTally } from './intake/intake-tally.entity.js';
import { companyResource } from './company/company.resource.js';
import { partnershipResource } from './partnership/partnership.resource.js';
import { orderClassResource } from './order-class/order-class.resource.js';
import { crossRegionAgreementResource } from './cross-region/cross-region.resource.js';
import { outreachVisitResource } from './outreach/outreach-visit.resource.js';
import { incentiveResource } from './incentive/incentive.resource.js';
import { RegionResolver, regionQueries } from './region/region.resolver.js';
import { userResource } from './user/user.resource.js';
import { auditEntryResource } from './audit/audit-entry.resource.js';
import { SessionResolver, sessionQueries } from './user/session.resolver.js';
import { AnalyticsResolver, analyticsQueries } from './analytics/analytics.resolver.js';
import { planAdjustmentResource } from './adjustment/plan-adjustment.resource.js';
import { PlanAdjustmentResolver } from './adjustment/plan-adjustment.resolver.js';
import { annualSummaryResource } from './summary/annual-summary.resource.js';
import { AnnualSummaryResolver, CitySummaryStatusResolver, summaryQueries } from './summary/annual-summary.resolver.js';
import { PlanWorkflowResolver } from './plan/plan-workflow.resolver.js';
import { planTransitionResource } from './plan/plan-transition.resource.js';
import { SchoolTargetGapResolver, UnderAssignedSchoolResolver, targetQueries } from './target/school-target-gaps.resolver.js';
import { CrossRegionModelResolver } from './cross-region/cross-region.resolver.js';
import { TasksResolver, taskQueries } from './tasks/tasks.resolver.js';
import { disciplineCaseResource } from './register/discipline-case.resource.js';
import { DisciplineCaseResolver, registerQueries } from './register/discipline-case.resolver.js';
import { AlertsResolver, alertQueries } from './alerts/alerts.resolver.js';
import { AlertReceipt } from './alerts/alert-receipt.entity.js';
import { scoringWeightResource } from './scoring/scoring-weight.resource.js';
import { CityRankingScoreResolver, CityScoreResolver, scoringQueries } from './scoring/city-score.resolver.js';
import { InstitutionResolver, institutionQueries } from './institution/institution.resolver.js';
import type { QueryReach } from '../common/query-reach.js';
import { ImportJob, ImportProblem, ImportRow } from './import/import-job.entity.js';
import { createImportResolver, importQueries } from './import/import-job.resolver.js';

/** Every resource of the API; adding a module means adding it here. */
export const resources: ResourceDef[] = [
  cityResource,
  campaignTargetResource,
  schoolResource,
  schoolTargetResource,
  majorResource,
  programResource,
  enrollmentPlanResource,
  intakeResource,
  studentResource,
  jointCheckCaseResource,
  populationBaselineResource,
  planAdjustmentResource,
  planTransitionResource,
  annualSummaryResource,
  companyResource,
  partnershipResource,
  orderClassResource,
  crossRegionAgreementResource,
  outreachVisitResource,
  incentiveResource,
  disciplineCaseResource,
  scoringWeightResource,
  userResource,
  auditEntryResource,
] as ResourceDef[];

/** Every query that is not a resource's own (its CRUD, aggregate and federation fields), with who may ask it. */
export const queryReach: Readonly<Record<string, QueryReach>> = {
  ...sessionQueries,
  ...regionQueries,
  ...analyticsQueries,
  ...summaryQueries,
  ...targetQueries,
  ...taskQueries,
  ...registerQueries,
  ...alertQueries,
  ...scoringQueries,
  ...studentQueries,
  ...rosterQueries,
  ...populationQueries,
  ...institutionQueries,
  ...importQueries,
};

/** The resources' entities, the intake subtotals that database triggers keep, users' alert receipts, external rosters and import jobs (no resources). */
export const entities = [
  BaseEntity,
  ...resources.map((r) => r.entity),
  IntakeTally,
  AlertReceipt,
  ExternalRoster,
  ExternalRosterEntry,
  ImportJob,
  ImportRow,
  ImportProblem,
];

const ruleResolvers = [
  PlanWorkflowResolver,
  PlanAdjustmentResolver,
  AnnualSummaryResolver,
  CitySummaryStatusResolver,
  SchoolTargetGapResolver,
  UnderAssignedSchoolResolver,
  CrossRegionModelResolver,
  TasksResolver,
  DisciplineCaseResolver,
  CityScoreResolver,
  InstitutionResolver,
  CityRankingScoreResolver,
  AlertsResolver,
  StudentResolver,
  ExternalRosterResolver,
  PopulationResolver,
];

export const resolvers: [ClassType, ...ClassType[]] = [
  SessionResolver,
  RegionResolver,
  AnalyticsResolver,
  ...ruleResolvers,
  ...resources.map((r) => createCrudResolver(r)),
  ...resources.map((r) => createAggregateResolver(r)),
  createImportResolver(resources),
];
