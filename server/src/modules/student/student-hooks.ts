import type { EntityManager } from '@mikro-orm/core';
import { AppError, badInput, ruleViolation } from '../../common/errors.js';
import type { WriteHooks } from '../../common/resource.js';
import { assertKnownOrigin, filedOn, loadIntakeLookups, planIdsOf, type IntakeLookups } from '../intake/intake-hooks.js';
import { assertOriginAllowed, assertPlanFiled, assertRegisteredInTime, assertWithinSeats } from '../intake/intake-rules.js';
import { decryptIdNumber, encryptIdNumber, idNumberHash } from './personal-data-keys.js';
import { isIdNumberProblem, originOfRegion, parseIdNumber, type IdNumberFacts } from './id-number.js';
import { assertAgeFits, assertBirthDateMatches, assertSexMatches, combined } from './student-rules.js';
import { doubleRegistration, lockIdNumbers, onRollAmong, type OnRoll } from './student-duplicates.js';
import { loadRosterIntakes, rollUp, rollUpKeyOf, type RosterIntakes } from './student-roll-up.js';
import { ON_ROLL, StudentStatus } from './student.enums.js';
import { giveTurn } from '../../common/turns.js';
import type { Student } from './student.entity.js';

/** Runs a check and keeps its refusal, so that a row's every problem is reported at once. */
async function collect(problems: AppError[], check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(error);
  }
}

/** The ID number written now, or the one stored. */
function idFacts(student: Student, isNew: boolean): IdNumberFacts | AppError {
  if (isNew && !student.idNumber) return badInput('idNumber', '身份证号不能为空', 'idNumber is required');
  const text = student.idNumber ?? decryptIdNumber(student.idCipher, student.idKeyId);
  const parsed = parseIdNumber(text);
  return isIdNumberProblem(parsed) ? badInput('idNumber', `身份证号格式不正确：${parsed.zh}`, `idNumber is malformed: ${parsed.en}`) : parsed;
}

async function checkRow(em: EntityManager, student: Student, isNew: boolean, loaded: IntakeLookups): Promise<IdNumberFacts> {
  const problems: AppError[] = [];
  // A name is taken as text, without the spaces around it (the field is write-only, so the generic input keeps them).
  student.name = student.name?.trim();
  if (!student.name) problems.push(badInput('name', '姓名不能为空', 'name must not be empty'));
  const facts = idFacts(student, isNew);
  if (facts instanceof AppError) problems.push(facts);
  else {
    await collect(problems, () => assertBirthDateMatches(facts, student));
    await collect(problems, () => assertSexMatches(facts, student));
    student.originCode ??= originOfRegion(facts.regionCode);
  }
  if (student.originCode) await collect(problems, () => assertKnownOrigin(em, student.originCode, loaded));
  const plan = loaded.plans.get(student.plan.id)!;
  student.school = plan.school;
  await collect(problems, () => assertPlanFiled(plan));
  if (student.originCode) await collect(problems, () => assertOriginAllowed(plan.school, student.originCode));
  const filed = await filedOn(em, plan.id, loaded);
  await collect(problems, () => assertRegisteredInTime(plan, filed, student.registeredOn));
  if (!(facts instanceof AppError)) await collect(problems, () => assertAgeFits(facts.birthDate, student.registeredOn, plan.program.entryBasis));
  if (student.orderClass) {
    await collect(problems, async () => {
      const orderClass = await em.findOneOrFail('OrderClass', student.orderClass!.id);
      const own = orderClass as unknown as { program: { id: number }; year: number; season: string };
      if (own.program.id !== plan.program.id || own.year !== plan.year || own.season !== plan.season) {
        throw badInput('orderClassId', '订单班须属于该招生计划的专业、年度和季节', 'the order class must be of the plan line’s program, year and season');
      }
    });
  }
  if (student.crossRegionAgreement) {
    await collect(problems, async () => {
      const agreement = (await em.findOneOrFail('CrossRegionAgreement', student.crossRegionAgreement!.id)) as unknown as { school: { id: number } };
      if (agreement.school.id !== plan.school.id) {
        throw badInput('crossRegionAgreementId', '跨区域合作协议须为本校的协议', 'the cross-region agreement must be the school’s own');
      }
    });
  }
  if (problems.length > 0) throw combined(problems);
  return facts as IdNumberFacts;
}

/**
 * What the rules of a batch of students look up, loaded once for all its rows, and what the rows
 * accepted before a row have done, which the database does not show yet (the batch is written at
 * the end): students added to or taken from lines, ID numbers put on the roll.
 */
interface StudentBatch extends IntakeLookups {
  /** Records on the roll under the ID numbers the batch writes, as stored. */
  stored: OnRoll;
  rosterIntakes: RosterIntakes;
  added: Map<number, number>;
  onRoll: Map<string, number>;
}

const moveOnLine = (batch: StudentBatch, planId: number, by: number) => batch.added.set(planId, (batch.added.get(planId) ?? 0) + by);

/** The keyed hash of the ID number a row writes, when it is a valid one. */
function hashOf(student: Student): string | undefined {
  if (!student.idNumber) return undefined;
  const parsed = parseIdNumber(student.idNumber);
  return isIdNumberProblem(parsed) ? undefined : idNumberHash(parsed.normalized);
}

/** The distinct keyed hashes of the rows' ID numbers, with turns for other requests (a roster holds tens of thousands). */
async function hashesOf(students: Student[]): Promise<string[]> {
  const hashes = new Set<string>();
  for (const student of students) {
    const hash = hashOf(student);
    if (hash !== undefined) hashes.add(hash);
    await giveTurn();
  }
  return [...hashes];
}

export const studentHooks: WriteHooks<Student, StudentBatch> = {
  async prepare(em, rows) {
    const planIds = planIdsOf(rows);
    const hashes = await hashesOf(rows.map((row) => row.entity));
    await lockIdNumbers(em, hashes);
    return {
      ...(await loadIntakeLookups(em, planIds)),
      stored: await onRollAmong(em, hashes),
      rosterIntakes: await loadRosterIntakes(em, planIds),
      added: new Map(),
      onRoll: new Map(),
    };
  },
  async beforeSave(em, student, isNew, before, batch) {
    const facts = await checkRow(em, student, isNew, batch);
    if (student.idNumber) {
      const { cipher, keyId } = encryptIdNumber(facts.normalized);
      student.idCipher = cipher;
      student.idKeyId = keyId;
      student.idHash = idNumberHash(facts.normalized);
      student.idNumber = null;
    }
    student.birthDate = facts.birthDate;
    student.sex = facts.sex;
    if (isNew) {
      student.status = StudentStatus.ENROLLED;
      student.statusOn = student.registeredOn;
      student.statusHistory = [{ status: StudentStatus.ENROLLED, on: student.registeredOn }];
    } else if (student.statusHistory.length === 1 && before?.registeredOn !== student.registeredOn) {
      // The registration is the first step of the history; a correction of its date moves it.
      student.statusOn = student.registeredOn;
      student.statusHistory = [{ status: StudentStatus.ENROLLED, on: student.registeredOn }];
    }
    const joinsRoll = ON_ROLL.includes(student.status) && (isNew || before?.idHash !== student.idHash);
    if (joinsRoll) {
      const earlier = batch.onRoll.get(student.idHash);
      if (earlier !== undefined) throw await doubleRegistration(em, earlier, undefined);
      const other = batch.stored.get(student.idHash)?.find((record) => record.id !== student.id);
      if (other) throw await doubleRegistration(em, other.schoolId, other.id);
    }
    const from = isNew ? null : rollUpKeyOf(before as Student);
    const to = rollUpKeyOf(student);
    if (isNew || from!.planId !== to.planId) {
      const plan = batch.plans.get(to.planId)!;
      assertWithinSeats(plan, (batch.taken.get(to.planId) ?? 0) + (batch.added.get(to.planId) ?? 0), 1);
      moveOnLine(batch, to.planId, 1);
      if (from) moveOnLine(batch, from.planId, -1);
    }
    if (joinsRoll) batch.onRoll.set(student.idHash, student.school.id);
    rollUp(em, batch.rosterIntakes, from, to);
  },
  async beforeDelete(em, student, batch) {
    moveOnLine(batch, student.plan.id, -1);
    if (student.statusHistory.length > 1) {
      throw ruleViolation(
        'STUDENT_STATUS',
        `学生 ${student.id} 已有学籍变动记录，不能删除；请办理退学或转出`,
        `student ${student.id} has status changes; withdraw or transfer instead of deleting`,
      );
    }
    rollUp(em, batch.rosterIntakes, rollUpKeyOf(student), null);
  },
};
