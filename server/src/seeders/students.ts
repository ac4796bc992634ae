import type { EntityManager } from '@mikro-orm/core';
import { queryRows } from '../read/sql.js';
import { Intake } from '../modules/intake/intake.entity.js';
import { IntakeSource, TargetGroup } from '../modules/intake/intake.enums.js';
import { School } from '../modules/school/school.entity.js';
import { EntryBasis } from '../modules/program/program.enums.js';
import { Student } from '../modules/student/student.entity.js';
import { PopulationBaseline } from '../modules/student/population-baseline.entity.js';
import { CampaignTarget } from '../modules/target/campaign-target.entity.js';
import { ExternalRoster, ExternalRosterKind } from '../modules/student/external-roster.entity.js';
import { insertEntries, matchRoster } from '../modules/student/external-roster-match.js';
import { StudentStatus } from '../modules/student/student.enums.js';
import { checkCharacterOf, parseIdNumber, type IdNumberFacts } from '../modules/student/id-number.js';
import { encryptIdNumber, idNumberHash } from '../modules/student/personal-data-keys.js';
import { addDays, type DemoCalendar } from './demo-calendar.js';
import { Random } from './random.js';

/** Schools whose intakes become rosters: the smallest few, so seeding stays quick. */
const ROSTER_SCHOOLS = 2;
/** Students of the second school registered under an ID number the first school's roll already holds. */
export const PLANTED_DUPLICATES = 3;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
/** Every demo name has 演 or 示 (demo) in the middle: obviously fictitious. */
const MIDDLES = [...'演示'];
const LAST = [...'一二三四五六七八九十甲乙丙丁'];

const ADULT_GROUPS = new Set<TargetGroup>([
  TargetGroup.ENTERPRISE_EMPLOYEE,
  TargetGroup.UNEMPLOYED,
  TargetGroup.FLEXIBLE_EMPLOYMENT,
  TargetGroup.MIGRANT_WORKER,
  TargetGroup.NEW_FARMER,
]);
const AGE_ON_ENTRY: Record<EntryBasis, number> = { [EntryBasis.JUNIOR_HIGH]: 15, [EntryBasis.SENIOR_HIGH]: 18, [EntryBasis.CERTIFICATE]: 22 };

/** A county-level region code within an origin: 33xx00 → 33xx02, xx0000 → xx0102 (fictitious but in the right province). */
const regionOf = (originCode: string): string => (originCode.startsWith('33') ? `${originCode.slice(0, 4)}02` : `${originCode.slice(0, 2)}0102`);

class IdNumbers {
  private readonly taken = new Set<string>();

  constructor(private readonly rnd: Random) {}

  next(originCode: string, birthDate: string): IdNumberFacts {
    for (;;) {
      const first17 = `${regionOf(originCode)}${birthDate.replaceAll('-', '')}${String(this.rnd.int(1, 999)).padStart(3, '0')}`;
      const id = first17 + checkCharacterOf(first17);
      if (this.taken.has(id)) continue;
      this.taken.add(id);
      return parseIdNumber(id) as IdNumberFacts;
    }
  }
}

/** Whether, and when, a student left the roll by the demo's today: graduated after the programme's length, a few withdrew. */
function endOf(rnd: Random, calendar: DemoCalendar, registeredOn: string, year: number, durationYears: number): { status: StudentStatus; on: string } | null {
  if (rnd.chance(0.03)) {
    const on = addDays(registeredOn, rnd.int(30, 400));
    if (calendar.reached(on)) return { status: StudentStatus.WITHDRAWN, on };
  }
  const graduation = `${year + durationYears}-07-01`;
  return calendar.reached(graduation) ? { status: StudentStatus.GRADUATED, on: graduation } : null;
}

/**
 * Rosters of a few demo schools: one fictitious student for every student their intakes count, and
 * those intakes become ROSTER intakes, so the figures stay what they were. A few ID numbers are on two
 * rolls at once (for the duplicate report), as data entered before the check.
 */
export async function seedStudents(em: EntityManager, calendar: DemoCalendar): Promise<boolean> {
  if ((await em.count(Student)) > 0 || (await em.count(School)) === 0) return false;
  const rnd = new Random(20250901);
  const sizes = await queryRows<{ school_id: number }>(
    em,
    'select p.school_id from intake i join enrollment_plan p on p.id = i.plan_id group by p.school_id order by sum(i.count), p.school_id',
  );
  const chosen = sizes.slice(0, ROSTER_SCHOOLS).map((r) => Number(r.school_id));
  const intakes = await em.find(Intake, { plan: { school: { $in: chosen } } }, { populate: ['plan.program', 'plan.school'], orderBy: { id: 'ASC' } });
  const ids = new IdNumbers(rnd);
  const bySchool = new Map<number, Student[]>();
  for (const intake of intakes) {
    intake.source = IntakeSource.ROSTER;
    const { plan } = intake;
    for (let i = 0; i < intake.count; i++) {
      const age = ADULT_GROUPS.has(intake.targetGroup) ? rnd.int(24, 40) : AGE_ON_ENTRY[plan.program.entryBasis];
      const birthDate = addDays(`${Number(intake.registeredOn.slice(0, 4)) - age - 1}-09-01`, rnd.int(0, 364));
      const facts = ids.next(intake.originCode, birthDate);
      const end = endOf(rnd, calendar, intake.registeredOn, plan.year, plan.program.durationYears);
      const { cipher, keyId } = encryptIdNumber(facts.normalized);
      const history = [{ status: StudentStatus.ENROLLED, on: intake.registeredOn }, ...(end ? [end] : [])];
      const student = em.create(Student, {
        plan,
        school: plan.school,
        name: rnd.pick(SURNAMES) + rnd.pick(MIDDLES) + rnd.pick(LAST),
        idCipher: cipher,
        idKeyId: keyId,
        idHash: idNumberHash(facts.normalized),
        birthDate: facts.birthDate,
        sex: facts.sex,
        targetGroup: intake.targetGroup,
        originCode: intake.originCode,
        registeredOn: intake.registeredOn,
        status: history.at(-1)!.status,
        statusOn: history.at(-1)!.on,
        statusHistory: history,
        leftOn: end?.on ?? null,
      });
      const own = bySchool.get(plan.school.id) ?? [];
      own.push(student);
      bySchool.set(plan.school.id, own);
    }
  }
  const [first, second] = chosen.map((id) => (bySchool.get(id) ?? []).filter((s) => s.status === StudentStatus.ENROLLED));
  for (let i = 0; i < PLANTED_DUPLICATES && first?.[i] && second?.[i]; i++) {
    second[i]!.idCipher = first[i]!.idCipher;
    second[i]!.idKeyId = first[i]!.idKeyId;
    second[i]!.idHash = first[i]!.idHash;
    second[i]!.birthDate = first[i]!.birthDate;
    second[i]!.sex = first[i]!.sex;
  }
  await em.flush();
  await plantExternalMatches(em, calendar, ids, bySchool.get(chosen[0]!) ?? []);
  await seedBaselines(em);
  return true;
}

/**
 * Demo 2020 bases of the 翻一番 goal: one and a half times a city's first campaign-year target (three
 * entry years in school at about half the pace the campaign asks for). Fictitious, like the rest.
 */
async function seedBaselines(em: EntityManager): Promise<void> {
  const firstYear = await em.find(CampaignTarget, {}, { orderBy: { year: 'ASC', id: 'ASC' } });
  const year = firstYear[0]?.year;
  for (const target of firstYear.filter((t) => t.year === year)) em.create(PopulationBaseline, { city: target.city, students: Math.round(target.seats * 1.5) });
  await em.flush();
}

/** Students of the first roster school also found on a (fictitious) general high-school roll. */
export const PLANTED_EXTERNAL_MATCHES = 4;

/** An external roster of 普通高中 ID numbers, most of them nobody's on a technical school's roll, and the cases it opens. */
async function plantExternalMatches(em: EntityManager, calendar: DemoCalendar, ids: IdNumbers, students: Student[]): Promise<void> {
  const onRoll = students.filter((s) => s.status === StudentStatus.ENROLLED).slice(-PLANTED_EXTERNAL_MATCHES);
  if (onRoll.length === 0) return;
  const others = Array.from({ length: 50 }, (_, i) => idNumberHash(ids.next('330100', addDays('2009-09-01', i * 7)).normalized));
  const hashes = [...new Set([...onRoll.map((s) => s.idHash), ...others])];
  const roster = em.create(ExternalRoster, {
    kind: ExternalRosterKind.GENERAL_HIGH_SCHOOL,
    label: '演示：普通高中学籍名单（虚构）',
    uploadedOn: calendar.today,
    entries: hashes.length,
  });
  await em.flush();
  await insertEntries(em, roster, hashes);
  await matchRoster(em, roster, hashes, calendar.today);
  await em.flush();
}
