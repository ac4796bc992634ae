import type { EntityManager } from '@mikro-orm/core';
import { badInput, ruleViolation } from '../../common/errors.js';
import type { WriteHooks } from '../../common/resource.js';
import { queryRows, toNumber } from '../../read/sql.js';
import { City } from '../city/city.entity.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { PlanTransition } from '../plan/plan-transition.entity.js';
import { PlanStep } from '../plan/plan.enums.js';
import { isZhejiangCode, provinceByCode } from '../region/provinces.js';
import type { Intake } from './intake.entity.js';
import { IntakeSource } from './intake.enums.js';
import { assertOriginAllowed, assertPlanFiled, assertRegisteredInTime, assertWithinSeats } from './intake-rules.js';

export async function assertKnownOrigin(em: EntityManager, code: string): Promise<void> {
  if (isZhejiangCode(code)) {
    if (!(await em.findOne(City, { code }))) throw badInput('originCode', `未知的浙江设区市代码：${code}`, `unknown Zhejiang city code: ${code}`);
  } else if (!provinceByCode(code)) {
    throw badInput('originCode', `未知的省级行政区划代码：${code}`, `unknown province code: ${code}`);
  }
}

/** Students already on the line, other than the intake being written. */
async function takenByOthers(em: EntityManager, planId: number, intakeId: number | undefined): Promise<number> {
  const [row] = await queryRows<{ taken: unknown }>(em, 'select coalesce(sum(count), 0) as taken from intake where plan_id = ? and id <> ?', [
    planId,
    intakeId ?? 0,
  ]);
  return toNumber(row?.taken);
}

/** The day the province filed the line (R6), from the workflow's history. */
export async function filedOn(em: EntityManager, planId: number): Promise<string | null> {
  const filing = await em.findOne(PlanTransition, { plan: planId, step: PlanStep.FILE }, { orderBy: { occurredOn: 'DESC' } });
  return filing?.occurredOn ?? null;
}

/** Roster intakes are the sums of their students: written only by the students' own writes. */
function assertReported(intake: { id: number; source: IntakeSource }): void {
  if (intake.source !== IntakeSource.ROSTER) return;
  throw ruleViolation(
    'ROSTER',
    `招生实绩 ${intake.id} 由学籍名册汇总而来，请修改学生名册`,
    `intake ${intake.id} is the sum of a roster; change the students instead`,
    'source',
  );
}

export const intakeHooks: WriteHooks<Intake> = {
  async beforeSave(em, intake, isNew, before) {
    if (!isNew && before) assertReported(before as Intake);
    intake.source = IntakeSource.REPORTED;
    await assertKnownOrigin(em, intake.originCode);
    const plan = await em.findOneOrFail(EnrollmentPlan, intake.plan.id, { populate: ['school.city'] });
    assertPlanFiled(plan);
    assertOriginAllowed(plan.school, intake.originCode);
    assertRegisteredInTime(plan, await filedOn(em, plan.id), intake.registeredOn);
    assertWithinSeats(plan, await takenByOthers(em, plan.id, intake.id), intake.count);
  },
  async beforeDelete(_em, intake) {
    assertReported(intake);
  },
};
