import { BaseEntity } from '../common/base.entity.js';
import { createCrudResolver } from '../common/crud.resolver.js';
import type { ResourceDef } from '../common/resource.js';
import { cityResource } from './city/city.resource.js';
import { campaignTargetResource } from './target/campaign-target.resource.js';
import { schoolResource } from './school/school.resource.js';
import { schoolTargetResource } from './target/school-target.resource.js';
import { majorResource } from './major/major.resource.js';
import { programResource } from './program/program.resource.js';
import { enrollmentPlanResource } from './plan/enrollment-plan.resource.js';
import { intakeResource } from './intake/intake.resource.js';
import { companyResource } from './company/company.resource.js';
import { partnershipResource } from './partnership/partnership.resource.js';
import { orderClassResource } from './order-class/order-class.resource.js';
import { crossRegionAgreementResource } from './cross-region/cross-region.resource.js';
import { outreachVisitResource } from './outreach/outreach-visit.resource.js';
import { incentiveResource } from './incentive/incentive.resource.js';
import { RegionResolver } from './region/region.resolver.js';

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
  companyResource,
  partnershipResource,
  orderClassResource,
  crossRegionAgreementResource,
  outreachVisitResource,
  incentiveResource,
] as ResourceDef[];

export const entities = [BaseEntity, ...resources.map((r) => r.entity)];

export const resolvers: [Function, ...Function[]] = [RegionResolver, ...resources.map((r) => createCrudResolver(r))];
