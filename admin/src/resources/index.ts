import { campaignTarget } from './campaign-target';
import { city } from './city';
import { enrollmentPlan } from './enrollment-plan';
import { intake } from './intake';
import { major } from './major';
import { program } from './program';
import { school } from './school';
import { schoolTarget } from './school-target';

/** Every resource, in menu order. */
export const resources = [city, campaignTarget, school, schoolTarget, major, program, enrollmentPlan, intake];
