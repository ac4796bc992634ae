import type { EntityManager } from '@mikro-orm/core';
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

/** A roster intake made earlier in the same unit of work (a batch of students), not yet written. */
const pendingIntake = (em: EntityManager, key: RollUpKey): Intake | undefined =>
  [...em.getUnitOfWork().getPersistStack()].find(
    (entity): entity is Intake => entity instanceof Intake && entity.source === IntakeSource.ROSTER && sameKey(rollUpKeyOf(entity), key),
  );

const rosterIntake = async (em: EntityManager, key: RollUpKey) =>
  pendingIntake(em, key) ??
  em.findOne(Intake, {
    plan: key.planId,
    targetGroup: key.targetGroup,
    originCode: key.originCode,
    registeredOn: key.registeredOn,
    source: IntakeSource.ROSTER,
  });

/**
 * Moves a student between roster intakes (`from` on update and delete, `to` on create and update)
 * in the writing transaction, so every figure read from intakes and their subtotals counts students.
 * Both intakes are read before either changes, so no query flushes a half-made move.
 */
export async function rollUp(em: EntityManager, from: RollUpKey | null, to: RollUpKey | null): Promise<void> {
  if (from && to && sameKey(from, to)) return;
  const [left, joined] = await Promise.all([from && rosterIntake(em, from), to && rosterIntake(em, to)]);
  if (left) {
    left.count -= 1;
    if (left.count === 0) em.remove(left);
  }
  if (joined) joined.count += 1;
  else if (to) {
    em.persist(
      em.create(Intake, {
        plan: em.getReference<EnrollmentPlan>('EnrollmentPlan', to.planId),
        count: 1,
        targetGroup: to.targetGroup,
        originCode: to.originCode,
        registeredOn: to.registeredOn,
        source: IntakeSource.ROSTER,
      }),
    );
  }
}
