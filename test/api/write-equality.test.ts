import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake, createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';
import { TEST_ADMIN_ID } from '../helpers/credentials.js';
import { saveRecords as savePerRow } from '../helpers/per-row-save.js';
import { saveRecords } from '../../server/src/common/crud.service.js';
import { actingAs, type Actor } from '../../server/src/auth/actor.js';
import { inTransaction } from '../../server/src/common/transaction.js';
import { User } from '../../server/src/modules/user/user.entity.js';
import { schoolResource } from '../../server/src/modules/school/school.resource.js';
import { enrollmentPlanResource } from '../../server/src/modules/plan/enrollment-plan.resource.js';
import { intakeResource } from '../../server/src/modules/intake/intake.resource.js';
import { orderClassResource } from '../../server/src/modules/order-class/order-class.resource.js';
import type { ResourceDef } from '../../server/src/common/resource.js';

/**
 * The set-based write path against the per-row path it replaced (kept in helpers/per-row-save.ts):
 * two copies of one database get the same fixtures, then the same batches, one through each path;
 * what each answers, the rows each leaves and the audit entries each writes must be the same.
 */
let seta: TestApp;
let perRow: TestApp;
const users: Record<string, number> = {};

async function fixtures(t: TestApp) {
  const hz = await cityId(t, '330100');
  const nb = await cityId(t, '330200');
  const schoolHz = await createSchool(t, { name: '杭州对照技师学院', cityCode: '330100' });
  const schoolNb = await createSchool(t, { name: '宁波对照技师学院', cityCode: '330200' });
  const progHz1 = await createProgram(t, { schoolId: schoolHz, majorCode: '0102' });
  const progHz2 = await createProgram(t, { schoolId: schoolHz, majorCode: '0103' });
  const progNb = await createProgram(t, { schoolId: schoolNb, majorCode: '0102' });
  const plan1 = await createPlan(t, { programId: progHz1, year: 2026, seats: 10 });
  const plan2 = await createPlan(t, { programId: progHz2, year: 2026, seats: 5 });
  const draft = await createPlan(t, { programId: progHz1, year: 2027, seats: 7 });
  const planNb = await createPlan(t, { programId: progNb, year: 2026, seats: 8 });
  await markFiled(t, [plan1, plan2, planNb]);
  const intake1 = await createIntake(t, { planId: plan1, count: 4, originCode: '330100', registeredOn: '2026-09-01' });
  return { hz, nb, schoolHz, schoolNb, progHz1, progHz2, progNb, plan1, plan2, draft, planNb, intake1 };
}
type Fixtures = Awaited<ReturnType<typeof fixtures>>;
let ids: Fixtures;

beforeAll(async () => {
  [seta, perRow] = await Promise.all([createTestApp(), createTestApp()]);
  const [a, b] = [await fixtures(seta), await fixtures(perRow)];
  expect(a).toEqual(b);
  ids = a;
  for (const t of [seta, perRow]) {
    users.hz = await createUser(t, { username: 'eq.hz', role: 'CITY_ADMIN', cityId: ids.hz });
  }
});
afterAll(async () => Promise.all([seta?.close(), perRow?.close()]));

async function actorOf(t: TestApp, userId: number): Promise<Actor> {
  const user = await t.orm.em.fork().findOneOrFail(User, userId);
  return { userId, username: user.username, role: user.role, cityId: user.city?.id ?? null, schoolId: user.school?.id ?? null };
}

type Save = typeof saveRecords;

/** What a save answered: the rows' ids and versions, or the failing rows as reported. */
async function outcome(t: TestApp, save: Save, def: ResourceDef, userId: number, rows: Array<Record<string, unknown>>) {
  const actor = await actorOf(t, userId);
  try {
    const saved = await inTransaction(actingAs(t.orm.em.fork(), actor), (em) => save(em, def, structuredClone(rows)));
    return { saved: saved.map((e) => ({ id: e.id, version: e.version })) };
  } catch (error) {
    const ext = (error as { extensions?: Record<string, unknown> }).extensions;
    if (!ext) throw error;
    return { refused: ext.rows ?? { code: ext.code, rule: ext.rule, field: ext.field, message: (error as Error).message } };
  }
}

const TABLES = ['school', 'program', 'enrollment_plan', 'intake', 'plan_transition', 'order_class', 'audit_entry'];

/** Every row of the tables a write can touch, without the timestamps (the two writes ran at different instants). */
async function contents(t: TestApp): Promise<Record<string, unknown[]>> {
  const em = t.orm.em.fork();
  const all: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(`select * from ${table} order by id`);
    all[table] = rows.map(({ created_at: _c, updated_at: _u, ...rest }: Record<string, unknown>) => ({
      ...rest,
      // JSON columns come back as text on SQLite and as objects on PostgreSQL
      ...(typeof rest.changes === 'string' ? { changes: JSON.parse(rest.changes) } : {}),
    }));
  }
  return all;
}

/**
 * PostgreSQL sequences do not roll back: the per-row path drew ids for the rows it inserted before a
 * failing row, the set-based path draws none for a batch it refuses. Both databases continue from
 * the same next id, so the rows of the following batches get the same ids on each.
 */
async function alignSequences(): Promise<void> {
  if (!seta.databaseUrl.startsWith('postgres')) return;
  const sql = (t: TestApp, text: string) => t.orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>(text);
  for (const table of [...TABLES, 'company', 'partnership']) {
    const last = async (t: TestApp) => {
      const [row] = await sql(t, `select last_value, is_called from ${table}_id_seq`);
      return row!.is_called ? Number(row!.last_value) : 0;
    };
    const next = Math.max(await last(seta), await last(perRow));
    if (next > 0) for (const t of [seta, perRow]) await sql(t, `select setval('${table}_id_seq', ${next})`);
  }
}

async function bothPaths(def: ResourceDef, rows: (f: Fixtures) => Array<Record<string, unknown>>, userId = TEST_ADMIN_ID) {
  const viaSets = await outcome(seta, saveRecords, def, userId, rows(ids));
  const viaRows = await outcome(perRow, savePerRow as Save, def, userId, rows(ids));
  expect(viaSets).toEqual(viaRows);
  expect(await contents(seta)).toEqual(await contents(perRow));
  await alignSequences();
  return viaSets;
}

const version = async (type: string, id: string) => (await seta.ok(`query($id: ID!) { ${type}(id: $id) { version } }`, { id }))[type].version as number;

describe('the set-based path writes what the per-row path wrote', () => {
  test('creates, with the audit rows of each', async () => {
    const result = await bothPaths(schoolResource, (f) => [
      { name: '对照新校甲', type: 'TECHNICAL_SCHOOL', cityId: f.hz },
      { name: '  对照新校乙  ', type: 'TECHNICIAN_COLLEGE', cityId: f.nb, provincial: true },
      { name: '对照新校丙', type: 'TECHNICAL_SCHOOL', cityId: f.hz, ownership: 'PRIVATE' },
    ]);
    expect(result.saved).toHaveLength(3);
  });

  test('plan lines created with derived schools, and updated (a changed row, an unchanged one)', async () => {
    const v1 = await version('EnrollmentPlan', ids.draft);
    const result = await bothPaths(enrollmentPlanResource, (f) => [
      { programId: f.progHz2, year: 2027, season: 'AUTUMN', seats: 12 },
      { programId: f.progHz1, year: 2025, season: 'SPRING', seats: 3 },
      { id: f.draft, version: v1, seats: 9 },
    ]);
    expect(result.saved).toHaveLength(3);
    const v2 = await version('EnrollmentPlan', ids.draft);
    await bothPaths(enrollmentPlanResource, (f) => [{ id: f.draft, version: v2, seats: 9 }]);
  });

  test('failing rows: each reported with its rule, nothing written', async () => {
    const v = await version('EnrollmentPlan', ids.draft);
    const result = await bothPaths(enrollmentPlanResource, (f) => [
      { programId: f.progHz1, year: 2027, season: 'AUTUMN', seats: 1 },
      { programId: f.progHz1, year: 2024, season: 'AUTUMN', seats: -1 },
      { programId: '999999', year: 2024, season: 'AUTUMN', seats: 1 },
      { id: f.draft, version: v + 5, seats: 1 },
      { id: f.plan1, version: 1, seats: 99 },
      { programId: f.progNb, schoolId: f.schoolHz, year: 2024, season: 'AUTUMN', seats: 1 },
      { programId: f.progHz2, year: 2030, season: 'AUTUMN', seats: 2 },
      { programId: f.progHz2, year: 2024, season: 'SPRING', seats: 2 },
    ]);
    expect((result.refused as Array<{ index: number }>).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(result.refused).toContainEqual(expect.objectContaining({ index: 0, rule: 'UNIQUE' }));
  });

  test('a city admin: rows elsewhere look missing, references elsewhere are refused', async () => {
    const result = await bothPaths(
      enrollmentPlanResource,
      (f) => [
        { programId: f.progHz2, year: 2025, season: 'AUTUMN', seats: 4 },
        { programId: f.progNb, year: 2025, season: 'AUTUMN', seats: 4 },
        { id: f.planNb, version: 1, seats: 4 },
      ],
      users.hz,
    );
    expect(result).toMatchObject({ refused: [expect.objectContaining({ index: 1, code: 'FORBIDDEN' }), expect.objectContaining({ index: 2 })] });
  });

  test('intakes: seats counted across the rows of the batch, in order', async () => {
    const row = (planId: string, count: number) => ({ planId, count, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2026-09-01' });
    const over = await bothPaths(intakeResource, (f) => [row(f.plan1, 3), row(f.plan1, 3), row(f.plan2, 5), row(f.plan1, 1)]);
    expect(over).toMatchObject({ refused: [expect.objectContaining({ index: 3, rule: 'R8' })] });
    const v = await version('Intake', ids.intake1);
    // Moving the stored intake off the line first frees its seats for the rows after it.
    const fits = await bothPaths(intakeResource, (f) => [{ id: f.intake1, version: v, planId: f.plan2, count: 2 }, row(f.plan1, 6), row(f.plan1, 4)]);
    expect(fits.saved).toHaveLength(3);
  });

  test('deletes: refused while referenced, done otherwise; mixed with creates and updates', async () => {
    const refused = await bothPaths(enrollmentPlanResource, (f) => [{ id: f.plan1, version: 1, delete: true }]);
    expect(refused).toMatchObject({ refused: [expect.objectContaining({ index: 0 })] });
    const draft = await version('EnrollmentPlan', ids.draft);
    const school = (await seta.ok(`{ allSchools(filter: { q: "对照新校甲" }) { id version } }`)).allSchools[0];
    await bothPaths(schoolResource, (f) => [
      { id: school.id, version: school.version, delete: true },
      { name: '对照新校丁', type: 'TECHNICAL_SCHOOL', cityId: f.nb },
      { id: f.schoolNb, version: 1, name: '宁波对照技师学院（更名）' },
    ]);
    // Several rows changing a unique column (school names) in one save.
    const names = (
      await seta.ok(`query($ids: [ID!]) { allSchools(filter: { ids: $ids }, sortField: "id") { id version } }`, { ids: [ids.schoolHz, ids.schoolNb] })
    ).allSchools as Array<{ id: string; version: number }>;
    await bothPaths(schoolResource, () => names.map((s, i) => ({ id: s.id, version: s.version, name: `对照更名学校${i}` })));
    const deleted = await bothPaths(enrollmentPlanResource, (f) => [{ id: f.draft, version: draft, delete: true }]);
    expect(deleted.saved).toEqual([]);
  });

  test('order classes: R11 over the rows of the batch', async () => {
    const partnership = async (t: TestApp) => {
      const company = await createCompany(t, { name: '对照企业有限公司', creditCode: creditCode('330100', 4242), cityId: ids.hz });
      return createPartnership(t, { schoolId: ids.schoolHz, companyId: company });
    };
    const [pa, pb] = [await partnership(seta), await partnership(perRow)];
    expect(pa).toBe(pb);
    const cls = (name: string, seats: number) => ({ partnershipId: pa, programId: ids.progHz1, year: 2026, season: 'AUTUMN', name, seats });
    const over = await bothPaths(orderClassResource, () => [cls('甲班', 6), cls('乙班', 5), cls('丙班', 4)]);
    expect(over).toMatchObject({ refused: [expect.objectContaining({ index: 1, rule: 'R11' })] });
    const fits = await bothPaths(orderClassResource, () => [cls('甲班', 6), cls('丙班', 4)]);
    expect(fits.saved).toHaveLength(2);
  });
});
