import { annualSummary } from './annual-summary';
import { campaignTarget } from './campaign-target';
import { city } from './city';
import { company } from './company';
import { crossRegion } from './cross-region';
import { enrollmentPlan } from './enrollment-plan';
import { incentive } from './incentive';
import { intake } from './intake';
import { student } from './student';
import { jointCheckCase } from './joint-check-case';
import { major } from './major';
import { orderClass } from './order-class';
import { outreachVisit } from './outreach-visit';
import { partnership } from './partnership';
import { planAdjustment } from './plan-adjustment';
import { planTransition } from './plan-transition';
import { program } from './program';
import { school } from './school';
import { schoolTarget } from './school-target';
import { user } from './user';
import { disciplineCase } from './discipline-case';
import { scoringWeight } from './scoring-weight';

/** Every resource, in menu order. */
export const resources = [
  city,
  campaignTarget,
  school,
  schoolTarget,
  major,
  program,
  enrollmentPlan,
  planAdjustment,
  planTransition,
  intake,
  student,
  jointCheckCase,
  company,
  partnership,
  orderClass,
  crossRegion,
  outreachVisit,
  incentive,
  annualSummary,
  disciplineCase,
  scoringWeight,
  user,
];
