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
] as ResourceDef[];

export const entities = [BaseEntity, ...resources.map((r) => r.entity)];

export const resolvers: [Function, ...Function[]] = [RegionResolver, ...resources.map((r) => createCrudResolver(r))];
