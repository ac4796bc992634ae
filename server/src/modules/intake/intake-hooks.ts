import type { EntityManager } from '@mikro-orm/core';
import { badInput, ruleViolation } from '../../common/errors.js';
import type { WriteHooks } from '../../common/resource.js';
import { placeholders, queryRows, toNumber } from '../../read/sql.js';
import { chunksOf, findByIds, IDS_PER_QUERY } from '../../common/batch-lookups.js';
import { City } from '../city/city.entity.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { PlanTransition } from '../plan/plan-transition.entity.js';
import { PlanStep } from '../plan/plan.enums.js';
import { isZhejiangCode, provinceByCode } from '../region/provinces.js';
import type { Intake } from './intake.entity.js';
import { IntakeSource } from './intake.enums.js';
import { assertOriginAllowed, assertPlanFiled, assertRegisteredInTime, assertWithinSeats } from './intake-rules.js';

/** What the rules of a batch of intakes look up, loaded once for all its rows. */
export interface IntakeLookups {
  /** Codes of Zhejiang's cities. */
  cities: Set<string>;
  plans: Map<number, EnrollmentPlan>;
  filedOn: Map<number, string>;
  /** Students on each line: as stored, then as each accepted row of the batch leaves it. */
  taken: Map<number, number>;
}

export async function assertKnownOrigin(em: EntityManager, code: string, loaded?: IntakeLookups): Promise<void> {
  if (isZhejiangCode(code)) {
    const known = loaded ? loaded.cities.has(code) : await em.findOne(City, { code });
    if (!known) throw badInput('originCode', `未知的浙江设区市代码：${code}`, `unknown Zhejiang city code: ${code}`);
  } else if (!provinceByCode(code)) {
    throw badInput('originCode', `未知的省级行政区划代码：${code}`, `unknown province code: ${code}`);
  }
}

/** Students already on the line, other than the intake being written. */
async function takenByOthers(em: EntityManager, intake: Intake, before: Partial<Intake> | undefined, loaded?: IntakeLookups): Promise<number> {
  const planId = intake.plan.id;
  if (loaded) return (loaded.taken.get(planId) ?? 0) - (before?.plan?.id === planId ? (before.count ?? 0) : 0);
  const [row] = await queryRows<{ taken: unknown }>(em, 'select coalesce(sum(count), 0) as taken from intake where plan_id = ? and id <> ?', [
    planId,
    intake.id ?? 0,
  ]);
  return toNumber(row?.taken);
}

/** The day the province filed the line (R6), from the workflow's history. */
export async function filedOn(em: EntityManager, planId: number, loaded?: IntakeLookups): Promise<string | null> {
  if (loaded) return loaded.filedOn.get(planId) ?? null;
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

/** A row accepted (or deleted) moves its students between lines for the rows after it. */
function retally(loaded: IntakeLookups | undefined, from: Partial<Intake> | undefined, to: Intake | undefined): void {
  if (!loaded) return;
  if (from?.plan) loaded.taken.set(from.plan.id, (loaded.taken.get(from.plan.id) ?? 0) - (from.count ?? 0));
  if (to) loaded.taken.set(to.plan.id, (loaded.taken.get(to.plan.id) ?? 0) + to.count);
}

/** The lookups of rows on these plan lines (with the plans' schools and programs): one query per table per chunk of lines. */
export async function loadIntakeLookups(em: EntityManager, planIds: number[]): Promise<IntakeLookups> {
  const cities = new Set((await em.find(City, {})).map((c) => c.code));
  const plans = await findByIds(em, EnrollmentPlan, planIds, undefined, ['school.city', 'program']);
  const filedOn = new Map<number, string>();
  const taken = new Map<number, number>();
  for (const chunk of chunksOf(planIds, IDS_PER_QUERY)) {
    for (const filing of await em.find(PlanTransition, { plan: { $in: chunk }, step: PlanStep.FILE })) {
      const day = filedOn.get(filing.plan.id);
      if (day === undefined || filing.occurredOn > day) filedOn.set(filing.plan.id, filing.occurredOn);
    }
    const sums = await queryRows<{ plan_id: unknown; taken: unknown }>(
      em,
      `select plan_id, coalesce(sum(count), 0) as taken from intake where plan_id in ${placeholders(chunk)} group by plan_id`,
      chunk,
    );
    for (const row of sums) taken.set(toNumber(row.plan_id), toNumber(row.taken));
  }
  return { cities, plans, filedOn, taken };
}

/** The plan lines rows are on now or were on before. */
export const planIdsOf = (rows: ReadonlyArray<{ entity: { plan?: { id: number } }; before?: { plan?: { id: number } } }>): number[] => [
  ...new Set(rows.flatMap((r) => [r.entity.plan?.id, r.before?.plan?.id]).filter((id): id is number => id !== undefined)),
];

export const intakeHooks: WriteHooks<Intake, IntakeLookups> = {
  prepare: (em, rows) => loadIntakeLookups(em, planIdsOf(rows)),
  async beforeSave(em, intake, isNew, before, loaded) {
    if (!isNew && before) assertReported(before as Intake);
    intake.source = IntakeSource.REPORTED;
    await assertKnownOrigin(em, intake.originCode, loaded);
    const plan = loaded?.plans.get(intake.plan.id) ?? (await em.findOneOrFail(EnrollmentPlan, intake.plan.id, { populate: ['school.city'] }));
    assertPlanFiled(plan);
    assertOriginAllowed(plan.school, intake.originCode);
    assertRegisteredInTime(plan, await filedOn(em, plan.id, loaded), intake.registeredOn);
    assertWithinSeats(plan, await takenByOthers(em, intake, before, loaded), intake.count);
    retally(loaded, before, intake);
  },
  async beforeDelete(_em, intake, loaded) {
    assertReported(intake);
    retally(loaded, intake, undefined);
  },
};
