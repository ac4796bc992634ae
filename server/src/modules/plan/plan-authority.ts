import { AppError } from '../../common/errors.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import type { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PLAN_STEPS, type ActingAuthority } from './plan-workflow.service.js';
import { PlanStep } from './plan.enums.js';
import { Role } from '../../auth/role.js';
import type { Actor } from '../../auth/actor.js';

/** Names the rule of the step refused: the issuing chain (R4), or filing (R6). */
const refuse = (step: PlanStep, plan: EnrollmentPlan, zh: string, en: string) =>
  new AppError({ code: 'FORBIDDEN', rule: PLAN_STEPS[step].rule, field: 'status', zh: `招生计划 ${plan.id}：${zh}`, en: `plan line ${plan.id}: ${en}` });

/**
 * The notice's chain of authority over plan lines: the school submits its own lines; the issuing
 * authority (R4: the city bureau, or the province for provincial schools) approves or returns them;
 * the province files (R6).
 */
export function planAuthority(actor: Actor): ActingAuthority {
  return {
    assertMay(step: PlanStep, plan: EnrollmentPlan, issuerCode: string) {
      if (!PLAN_STEPS[step].roles.includes(actor.role)) {
        throw refuse(step, plan, `${PLAN_STEPS[step].zh}不是该角色的职权`, `a ${actor.role} may not ${step.toLowerCase()} plan lines`);
      }
      if (step === PlanStep.SUBMIT) {
        const ownSchool = actor.role === Role.SCHOOL_STAFF && actor.schoolId === plan.school.id;
        if (!ownSchool && actor.role !== Role.PROVINCE_ADMIN)
          throw refuse(step, plan, '只有本校或省厅可以提交计划', 'only the school itself (or the province) submits');
        return;
      }
      if (step === PlanStep.FILE) return;
      const issuedByProvince = issuerCode === PROVINCE_CODE;
      const isIssuer = issuedByProvince ? actor.role === Role.PROVINCE_ADMIN : actor.role === Role.CITY_ADMIN && actor.cityId === plan.school.city.id;
      if (!isIssuer) {
        throw refuse(
          step,
          plan,
          issuedByProvince ? '省属院校的计划由省人力社保厅下达' : '该计划由学校所在设区市人力社保局下达',
          issuedByProvince ? 'provincial schools\u2019 plans are issued by the province' : 'this line is issued by the bureau of the school\u2019s city',
        );
      }
    },
  };
}
