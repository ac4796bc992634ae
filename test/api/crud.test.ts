import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, createPlan, createProgram, createSchool, firstError, majorId, markFiled } from '../helpers/fixtures.js';

let t: TestApp;
const ctx: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ctx.hangzhou = await cityId(t, '330100');
  ctx.school = await createSchool(t, { name: '杭州测试技师学院', cityCode: '330100' });
  ctx.major = await majorId(t, '0115');
  ctx.program = await createProgram(t, { schoolId: ctx.school, majorCode: '0102' });
  ctx.plan = await createPlan(t, { programId: ctx.program, year: 2025, seats: 40 });
  await markFiled(t, [ctx.plan]);
});
afterAll(async () => {
  await t.close();
});

interface Case {
  name: string;
  plural: string;
  /** Arguments of a valid create, built from ids made in beforeAll. */
  create: () => Record<string, unknown>;
  /** One field changed by update, and its new value as read back. */
  update: [string, unknown];
  /** A field and a value the server must refuse in a bulk save. */
  bad: [string, unknown];
  /** Fields read back (the created values must come back unchanged). */
  fields: string;
}

const cases: Case[] = [
  {
    name: 'City',
    plural: 'Cities',
    create: () => ({ code: '331200', nameZh: '测试市', nameEn: 'Testcity', displayOrder: 12 }),
    update: ['nameEn', 'Renamed'],
    bad: ['displayOrder', 0],
    fields: 'code nameZh nameEn displayOrder',
  },
  {
    name: 'CampaignTarget',
    plural: 'CampaignTargets',
    create: () => ({ cityId: ctx.newCity, year: 2024, seats: 1200 }),
    update: ['seats', 1300],
    bad: ['year', 2030],
    fields: 'cityId year seats',
  },
  {
    name: 'School',
    plural: 'Schools',
    create: () => ({ name: '宁波测试高级技工学校', type: 'SENIOR_TECHNICAL_SCHOOL', cityId: ctx.hangzhou, provincial: false, ownership: 'PRIVATE' }),
    update: ['name', '宁波测试高级技工学校（新）'],
    bad: ['name', '  '],
    fields: 'name type cityId provincial ownership',
  },
  {
    name: 'SchoolTarget',
    plural: 'SchoolTargets',
    create: () => ({ schoolId: ctx.school, year: 2025, seats: 800 }),
    update: ['seats', 820],
    bad: ['seats', -1],
    fields: 'schoolId year seats',
  },
  {
    name: 'Major',
    plural: 'Majors',
    create: () => ({ code: '9901', name: '测试专业', category: '测试类', levels: ['INTERMEDIATE', 'ADVANCED'] }),
    update: ['category', '其他类'],
    bad: ['code', 'ABC'],
    fields: 'code name category levels',
  },
  {
    name: 'Program',
    plural: 'Programs',
    create: () => ({
      schoolId: ctx.school,
      majorId: ctx.major,
      level: 'ADVANCED',
      entryBasis: 'SENIOR_HIGH',
      durationYears: 3,
      studyMode: 'FULL_TIME',
      filedOn: '2022-05-04',
    }),
    update: ['filedOn', '2022-06-30'],
    bad: ['durationYears', 9],
    fields: 'schoolId majorId level entryBasis durationYears studyMode filedOn',
  },
  {
    name: 'EnrollmentPlan',
    plural: 'EnrollmentPlans',
    create: () => ({ schoolId: ctx.school, programId: ctx.program, year: 2026, season: 'AUTUMN', seats: 45 }),
    update: ['seats', 50],
    bad: ['seats', -5],
    fields: 'schoolId programId year season seats',
  },
  {
    name: 'Intake',
    plural: 'Intakes',
    create: () => ({ planId: ctx.plan, count: 12, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2025-09-01' }),
    update: ['count', 15],
    bad: ['count', 0],
    fields: 'planId count targetGroup originCode registeredOn',
  },
];

/** Runs a mutation with its arguments as typed variables; `ok` fails on errors, `gql` returns them. */
const run = async (name: string, args: Record<string, unknown>, fields: string) =>
  (await t.ok(await mutationFor(t, name, args, `id version ${fields}`), args))[name];
const attempt = async (name: string, args: Record<string, unknown>, fields: string) => t.gql(await mutationFor(t, name, args, `id version ${fields}`), args);

describe.each(cases)('$name CRUD', (c) => {
  test('create, read, list, update with version, stale update refused, delete', async () => {
    if (c.name === 'CampaignTarget') {
      ctx.newCity = (await run('createCity', { code: '331300', nameZh: '目标测试市', nameEn: 'Targetcity', displayOrder: 13 }, 'code')).id;
    }
    const input = c.create();
    const created = await run(`create${c.name}`, input, c.fields);
    expect(created).toMatchObject({ ...input, version: 1 });

    const read = (await t.ok(`query($id: ID!) { ${c.name}(id: $id) { id ${c.fields} } }`, { id: created.id }))[c.name];
    expect(read).toEqual({ id: created.id, ...input });

    const listed = await t.ok(`query($ids: [ID!]) { all${c.plural}(filter: { ids: $ids }) { id } _all${c.plural}Meta(filter: { ids: $ids }) { count } }`, {
      ids: [created.id],
    });
    expect(listed[`all${c.plural}`]).toEqual([{ id: created.id }]);
    expect(listed[`_all${c.plural}Meta`]).toEqual({ count: 1 });

    const [field, value] = c.update;
    const updated = await run(`update${c.name}`, { id: created.id, version: 1, [field]: value }, c.fields);
    expect(updated).toMatchObject({ ...input, [field]: value, version: 2 });

    const stale = await attempt(`update${c.name}`, { id: created.id, version: 1, [field]: value }, c.fields);
    expect(firstError(stale).extensions).toMatchObject({ code: 'CONFLICT', field: 'version', currentVersion: 2 });

    const deleted = (await t.ok(`mutation($id: ID!) { delete${c.name}(id: $id, version: 2) { id } }`, { id: created.id }))[`delete${c.name}`];
    expect(deleted).toEqual({ id: created.id });
    expect((await t.ok(`query($id: ID!) { ${c.name}(id: $id) { id } }`, { id: created.id }))[c.name]).toBeNull();

    const missing = await t.gql(`mutation($id: ID!) { delete${c.name}(id: $id, version: 2) { id } }`, { id: created.id });
    expect(firstError(missing).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  test('bulk save: one bad row saves nothing and names the row; a good batch saves all', async () => {
    const good = c.create();
    const bad = { ...good, [c.bad[0]]: c.bad[1] };
    const before = (await t.ok(`{ _all${c.plural}Meta { count } }`))[`_all${c.plural}Meta`].count;
    const save = `mutation($rows: [${c.name}SaveRow!]!) { save${c.plural}(rows: $rows) { id ${c.fields} } }`;

    const refused = await t.gql(save, { rows: [good, bad] });
    expect(refused.errors).toBeDefined();
    expect(firstError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.bad[0] });
    expect(firstError(refused).extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'BAD_USER_INPUT', field: c.bad[0] })]);
    expect((await t.ok(`{ _all${c.plural}Meta { count } }`))[`_all${c.plural}Meta`].count).toBe(before);

    const saved = (await t.ok(save, { rows: [good] }))[`save${c.plural}`];
    expect(saved).toEqual([{ id: expect.any(String), ...good }]);
    const [field, value] = c.update;
    const again = (await t.ok(save, { rows: [{ id: saved[0].id, version: 1, [field]: value }] }))[`save${c.plural}`];
    expect(again).toEqual([{ id: saved[0].id, ...good, [field]: value }]);
    expect((await t.ok(save, { rows: [{ id: saved[0].id, version: 2, delete: true }] }))[`save${c.plural}`]).toEqual([]);
    expect((await t.ok(`{ _all${c.plural}Meta { count } }`))[`_all${c.plural}Meta`].count).toBe(before);
  });
});
