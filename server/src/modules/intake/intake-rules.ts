import { ruleViolation } from '../../common/errors.js';
import { PlanStatus, Season } from '../plan/plan.enums.js';
import { SchoolType } from '../school/school.entity.js';
import { isZhejiangCode } from '../region/provinces.js';

/** R6: only lines filed with the province take intakes. */
export function assertPlanFiled(plan: { id: number; status: PlanStatus }): void {
  if (plan.status === PlanStatus.FILED) return;
  throw ruleViolation(
    'R6',
    `招生计划 ${plan.id} 尚未备案（当前状态 ${plan.status}），不能录入招生实绩`,
    `plan line ${plan.id} is ${plan.status}, not FILED; it takes no intakes`,
    'planId',
  );
}

interface RecruitingSchool {
  provincial: boolean;
  type: SchoolType;
  city: { code: string; nameZh: string };
}

/** R7: no recruiting from another Zhejiang city, except by provincial technician colleges; other provinces are open. */
export function assertOriginAllowed(school: RecruitingSchool, originCode: string): void {
  if (!isZhejiangCode(originCode) || originCode === school.city.code) return;
  if (school.provincial && school.type === SchoolType.TECHNICIAN_COLLEGE) return;
  throw ruleViolation(
    'R7',
    `原则上不在省内跨市招生：${school.city.nameZh}的学校不能招收生源地为 ${originCode} 的学生（省属技师学院除外）`,
    `no cross-city recruiting inside Zhejiang: a school in ${school.city.code} may not take students from ${originCode} (provincial technician colleges excepted)`,
    'originCode',
  );
}

/** R9: spring intakes register by 31 March, autumn by 31 October of the plan year. */
export const registrationDeadline = (year: number, season: Season): string => `${year}-${season === Season.SPRING ? '03-31' : '10-31'}`;

/**
 * R9's window opens the day after the season before closed: spring from 1 November of the year
 * before, autumn from 1 April. A registration earlier than that belongs to another intake.
 */
export const registrationOpens = (year: number, season: Season): string => (season === Season.SPRING ? `${year - 1}-11-01` : `${year}-04-01`);

const seasonZh = (season: Season) => (season === Season.SPRING ? '春季' : '秋季');

/** R9: registered within the season's window, and not before the line was filed (a line takes intakes once filed). */
export function assertRegisteredInTime(plan: { id: number; year: number; season: Season }, filedOn: string | null, registeredOn: string): void {
  const opens = registrationOpens(plan.year, plan.season);
  const deadline = registrationDeadline(plan.year, plan.season);
  if (registeredOn > deadline) {
    throw ruleViolation(
      'R9',
      `${plan.year}年${seasonZh(plan.season)}新生须于 ${deadline} 前办理学籍注册，${registeredOn} 已逾期`,
      `${plan.season} ${plan.year} intakes must register by ${deadline}; ${registeredOn} is late`,
      'registeredOn',
    );
  }
  if (registeredOn < opens) {
    throw ruleViolation(
      'R9',
      `${plan.year}年${seasonZh(plan.season)}新生的学籍注册期为 ${opens} 至 ${deadline}，${registeredOn} 尚未开始`,
      `${plan.season} ${plan.year} intakes register from ${opens} to ${deadline}; ${registeredOn} is too early`,
      'registeredOn',
    );
  }
  if (filedOn !== null && registeredOn < filedOn) {
    throw ruleViolation(
      'R9',
      `招生计划 ${plan.id} 于 ${filedOn} 备案，学籍注册日期 ${registeredOn} 不能早于备案日期`,
      `plan line ${plan.id} was filed on ${filedOn}; a registration on ${registeredOn} predates it`,
      'registeredOn',
    );
  }
}

/** R8: intakes within the line's seats; seats grow only through an approved plan adjustment. */
export function assertWithinSeats(plan: { id: number; seats: number }, alreadyTaken: number, count: number): void {
  if (alreadyTaken + count <= plan.seats) return;
  throw ruleViolation(
    'R8',
    `招生计划 ${plan.id} 的计划人数为 ${plan.seats}，已录入 ${alreadyTaken} 人，再录入 ${count} 人将超出计划；超计划招生须先经批准的计划调整`,
    `plan line ${plan.id} has ${plan.seats} seats and ${alreadyTaken} taken; ${count} more exceed it without an approved plan adjustment`,
    'count',
  );
}
