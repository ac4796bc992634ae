import { badInput } from '../../common/errors.js';
import { findByIds } from '../../common/batch-lookups.js';
import type { WriteHooks } from '../../common/resource.js';
import { Program } from '../program/program.entity.js';
import type { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { assertFiledCatalogue, assertUnlocked, isLocked, PLAN_WRITABLE } from './plan-rules.js';

export const enrollmentPlanHooks: WriteHooks<EnrollmentPlan, void> = {
  /** The programs of all rows, with their catalogue majors, into the unit of work at once. */
  async prepare(em, rows) {
    const programIds = rows.filter((r) => !r.deleted && r.entity.program).map((r) => r.entity.program.id);
    await findByIds(em, Program, programIds, undefined, ['major']);
  },
  async beforeSave(em, plan, isNew, before) {
    if (!isNew && before && isLocked(plan.status)) {
      const changed = PLAN_WRITABLE.find(([prop]) => before[prop] !== plan[prop]);
      // Saving a locked row unchanged (a grid saving whole rows) is no change and passes.
      if (changed) assertUnlocked(plan, changed[1]);
      return;
    }
    const program = await em.findOneOrFail(Program, plan.program.id, { populate: ['major'] });
    if (!plan.school) plan.school = program.school;
    if (plan.school.id !== program.school.id) {
      throw badInput('programId', '该专业不属于所选学校', `program ${program.id} does not belong to school ${plan.school.id}`);
    }
    assertFiledCatalogue(program);
  },
  async beforeDelete(em, plan) {
    // Order classes rest on locked lines only (R11), which cannot be deleted.
    assertUnlocked(plan);
    // A draft that was submitted and returned carries history; it goes with the line.
    await em.nativeDelete(PlanTransition, { plan: plan.id });
  },
};
