import { authorityFor } from '../helpers/authorities.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, createPlan, createProgram, createSchool, firstError, markFiled } from '../helpers/fixtures.js';
import { create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';

/** R11: the order classes of a program, year and season fit in that program's plan seats for that year and season. */
let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids.school = await createSchool(t, { name: '金华规则技师学院', cityCode: '330700' });
  ids.program = await createProgram(t, { schoolId: ids.school, majorCode: '0102', studyMode: 'PART_TIME' });
  // order classes rest on approved and filed seats only
  await markFiled(t, [
    await createPlan(t, { programId: ids.program, year: 2025, season: 'AUTUMN', seats: 40 }),
    await createPlan(t, { programId: ids.program, year: 2025, season: 'SPRING', seats: 10 }),
  ]);
  const company = await createCompany(t, { name: '金华义乌智造有限公司', creditCode: creditCode('330700', 701), cityId: await cityId(t, '330700') });
  ids.partnership = await createPartnership(t, { schoolId: ids.school, companyId: company });
  const second = await createCompany(t, { name: '金华东阳电子有限公司', creditCode: creditCode('330700', 702), cityId: await cityId(t, '330700') });
  ids.secondPartnership = await createPartnership(t, { schoolId: ids.school, companyId: second });
});
afterAll(async () => {
  await t.close();
});

const orderClass = (name: string, seats: number, extra: Record<string, unknown> = {}) => ({
  partnershipId: ids.partnership,
  programId: ids.program,
  year: 2025,
  season: 'AUTUMN',
  name,
  seats,
  ...extra,
});

async function seatsTaken(season = 'AUTUMN', year = 2025): Promise<Array<{ name: string; seats: number }>> {
  const data = await t.ok(
    `query($program: ID, $season: Season, $year: Int) { allOrderClasses(filter: { programId: $program, season: $season, year: $year }, sortField: "name") { name seats } }`,
    { program: ids.program, season, year },
  );
  return data.allOrderClasses;
}

async function attempt(mutation: string, args: Record<string, unknown>) {
  return t.gql(await mutationFor(t, mutation, args, 'id seats'), args);
}

describe('R11 order-class seats within plan seats', () => {
  test('classes of several partnerships share the plan line up to its seats, and not one seat more', async () => {
    await create(t, 'createOrderClass', orderClass('A 订单班', 25));
    const over = await attempt('createOrderClass', orderClass('B 订单班', 16, { partnershipId: ids.secondPartnership }));
    const error = firstError(over);
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'seats' });
    expect(error.extensions.messageZh).toContain('已下达（备案）的计划 40 人，其他订单班已占 25 人，最多还可安排 15 人');
    expect(await seatsTaken()).toEqual([{ name: 'A 订单班', seats: 25 }]);

    await create(t, 'createOrderClass', orderClass('B 订单班', 15, { partnershipId: ids.secondPartnership }));
    expect(await seatsTaken()).toEqual([
      { name: 'A 订单班', seats: 25 },
      { name: 'B 订单班', seats: 15 },
    ]);
  });

  test('growing a class past the plan is refused and leaves it as it was; shrinking is allowed', async () => {
    const [a] = (await t.ok(`{ allOrderClasses(filter: { q: "A 订单班" }) { id version } }`)).allOrderClasses;
    const grown = await attempt('updateOrderClass', { id: a.id, version: a.version, seats: 26 });
    expect(firstError(grown).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'seats' });
    expect(await seatsTaken()).toEqual([
      { name: 'A 订单班', seats: 25 },
      { name: 'B 订单班', seats: 15 },
    ]);

    const shrunk = await t.ok(await mutationFor(t, 'updateOrderClass', { id: a.id, version: a.version, seats: 20 }, 'seats version'), {
      id: a.id,
      version: a.version,
      seats: 20,
    });
    expect(shrunk.updateOrderClass).toEqual({ seats: 20, version: a.version + 1 });
  });

  test('each season draws on its own plan line; a year without a plan line has no seats', async () => {
    await create(t, 'createOrderClass', orderClass('春季订单班', 10, { season: 'SPRING' }));
    const spring = await attempt('createOrderClass', orderClass('春季二班', 1, { season: 'SPRING' }));
    expect(firstError(spring).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'seats' });
    const unplanned = await attempt('createOrderClass', orderClass('2026 订单班', 1, { year: 2026 }));
    expect(firstError(unplanned).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'seats' });
    expect(await seatsTaken('SPRING')).toEqual([{ name: '春季订单班', seats: 10 }]);
    expect(await seatsTaken('AUTUMN', 2026)).toEqual([]);
  });

  test('a bulk save that together exceeds the plan saves nothing; one that fits saves all', async () => {
    const rows = [orderClass('C 订单班', 3), orderClass('D 订单班', 3)];
    const result = await t.gql(`mutation($rows: [OrderClassSaveRow!]!) { saveOrderClasses(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R11',
      field: 'seats',
      messageZh: '1 行有错误，未保存任何数据',
      messageEn: '1 row(s) failed; nothing was saved',
    });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, rule: 'R11', field: 'seats' })]);
    expect(await seatsTaken()).toEqual([
      { name: 'A 订单班', seats: 20 },
      { name: 'B 订单班', seats: 15 },
    ]);

    const fits = await t.ok(`mutation($rows: [OrderClassSaveRow!]!) { saveOrderClasses(rows: $rows) { name } }`, {
      rows: [orderClass('C 订单班', 3), orderClass('D 订单班', 2)],
    });
    expect(fits.saveOrderClasses).toEqual([{ name: 'C 订单班' }, { name: 'D 订单班' }]);
    expect((await seatsTaken()).reduce((sum, c) => sum + c.seats, 0)).toBe(40);
  });
});

describe('R11 seen from the plan line', () => {
  const line: Record<string, string> = {};

  beforeAll(async () => {
    line.program = await createProgram(t, { schoolId: ids.school!, majorCode: '0115' });
    line.plan = await createPlan(t, { programId: line.program!, year: 2025, seats: 30 });
  });

  const readPlan = async () => (await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { year seats version } }`, { id: line.plan })).EnrollmentPlan;
  const robotClass = (name: string, seats: number, partnershipId = ids.partnership) => ({
    partnershipId,
    programId: line.program,
    year: 2025,
    season: 'AUTUMN',
    name,
    seats,
  });

  test('an order class rests on approved or filed seats only, never on a draft or submitted line', async () => {
    const onDraft = await attempt('createOrderClass', robotClass('机器人订单班', 20));
    expect(firstError(onDraft).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'seats' });
    expect(firstError(onDraft).extensions.messageZh).toContain('已下达（备案）的计划 0 人');
    await markFiled(t, [line.plan!]);
    await create(t, 'createOrderClass', robotClass('机器人订单班', 20));
  });

  test('a plan adjustment below the order classes is refused when asked and when approved', async () => {
    const request = (newSeats: number) => ({ planId: line.plan, newSeats, reason: '企业需求调整' });

    const asked = await t.gql(await mutationFor(t, 'requestPlanAdjustment', request(19), 'id'), request(19));
    expect(firstError(asked).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'newSeats' });

    const pending = await t.ok(await mutationFor(t, 'requestPlanAdjustment', request(22), 'id'), request(22));
    await create(t, 'createOrderClass', robotClass('机器人二班', 5, ids.secondPartnership));
    const decision = { id: pending.requestPlanAdjustment.id, decision: 'APPROVED' };
    const issuer = await authorityFor(t, 'approvePlans', line.plan!);
    const approved = await issuer.gql(await mutationFor(t, 'decidePlanAdjustment', decision, 'id'), decision);
    expect(firstError(approved).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11', field: 'newSeats' });
    expect((await readPlan()).seats).toBe(30);
  });
});
