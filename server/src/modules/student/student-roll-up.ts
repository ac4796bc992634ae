import type { EntityManager } from '@mikro-orm/core';
import { chunksOf, IDS_PER_QUERY } from '../../common/batch-lookups.js';
import { Intake } from '../intake/intake.entity.js';
import { IntakeSource, type TargetGroup } from '../intake/intake.enums.js';
import type { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';

/** The intake a student counts in: students of a line by target group, origin and registration day. */
export interface RollUpKey {
  planId: number;
  targetGroup: TargetGroup;
  originCode: string;
  registeredOn: string;
}

/** The key of a student, or of the roster intake it counts in (both carry the same four properties). */
export const rollUpKeyOf = (row: { plan: { id: number }; targetGroup: TargetGroup; originCode: string; registeredOn: string }): RollUpKey => ({
  planId: row.plan.id,
  targetGroup: row.targetGroup,
  originCode: row.originCode,
  registeredOn: row.registeredOn,
});

export const sameKey = (a: RollUpKey, b: RollUpKey): boolean =>
  a.planId === b.planId && a.targetGroup === b.targetGroup && a.originCode === b.originCode && a.registeredOn === b.registeredOn;

/** The roster intakes of a batch's lines by key, as loaded and as the batch's students make them. */
export type RosterIntakes = Map<string, Intake>;

const keyText = (key: RollUpKey) => `${key.planId}|${key.targetGroup}|${key.originCode}|${key.registeredOn}`;

/** The roster intakes on these lines, in one query per chunk of lines. */
export async function loadRosterIntakes(em: EntityManager, planIds: number[]): Promise<RosterIntakes> {
  const intakes: RosterIntakes = new Map();
  for (const chunk of chunksOf(planIds, IDS_PER_QUERY)) {
    for (const intake of await em.find(Intake, { plan: { $in: chunk }, source: IntakeSource.ROSTER })) intakes.set(keyText(rollUpKeyOf(intake)), intake);
  }
  return intakes;
}

/**
 * Moves a student between roster intakes (`from` on update and delete, `to` on create and update)
 * in the writing unit of work, so every figure read from intakes and their subtotals counts students.
 */
export function rollUp(em: EntityManager, intakes: RosterIntakes, from: RollUpKey | null, to: RollUpKey | null): void {
  if (from && to && sameKey(from, to)) return;
  const left = from && intakes.get(keyText(from));
  if (left) {
    left.count -= 1;
    if (left.count === 0) {
      em.remove(left);
      intakes.delete(keyText(from));
    }
  }
  if (!to) return;
  const joined = intakes.get(keyText(to));
  if (joined) {
    joined.count += 1;
    return;
  }
  const made = em.create(Intake, {
    plan: em.getReference<EnrollmentPlan>('EnrollmentPlan', to.planId),
    count: 1,
    targetGroup: to.targetGroup,
    originCode: to.originCode,
    registeredOn: to.registeredOn,
    source: IntakeSource.ROSTER,
  });
  em.persist(made);
  intakes.set(keyText(to), made);
}
