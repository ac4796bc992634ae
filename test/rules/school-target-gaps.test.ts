import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool } from '../helpers/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function school(name: string, target: number | null, plans: Array<{ seats: number; studyMode?: string; majorCode: string }>): Promise<string> {
  const schoolId = await createSchool(t, { name, cityCode: '330900' });
  if (target !== null) {
    await t.ok(`mutation($schoolId: ID!, $seats: Int!) { createSchoolTarget(schoolId: $schoolId, year: 2026, seats: $seats) { id } }`, {
      schoolId,
      seats: target,
    });
  }
  for (const plan of plans) {
    const programId = await createProgram(t, { schoolId, majorCode: plan.majorCode, studyMode: plan.studyMode });
    await createPlan(t, { programId, year: 2026, seats: plan.seats });
  }
  return schoolId;
}

const QUERY = `query($year: Int!, $cityId: ID) {
  schoolTargetGaps(year: $year, cityId: $cityId) {
    year cityTarget assigned gap city { code }
    underAssigned { school { name } target plannedSeats shortfall }
  }
}`;

test('a city sees its target against the sum of school targets and the schools assigned less than they plan', async () => {
  await school('舟山甲技师学院', 100, [
    { seats: 70, majorCode: '0101' },
    { seats: 50, majorCode: '0102' },
  ]);
  await school('舟山乙技师学院', 50, [{ seats: 40, majorCode: '0101' }]);
  await school('舟山丙技师学院', null, [{ seats: 30, majorCode: '0101' }]);
  await school('舟山丁技师学院', null, [{ seats: 20, majorCode: '0101', studyMode: 'SKILLS_TRAINING' }]);

  const zhoushan = await cityId(t, '330900');
  t.resetQueryLog();
  const data = await t.ok(QUERY, { year: 2026, cityId: zhoushan });
  expect(data.schoolTargetGaps).toEqual([
    {
      year: 2026,
      cityTarget: 2210,
      assigned: 150,
      gap: 2060,
      city: { code: '330900' },
      underAssigned: [
        { school: { name: '舟山甲技师学院' }, target: 100, plannedSeats: 120, shortfall: 20 },
        { school: { name: '舟山丙技师学院' }, target: 0, plannedSeats: 30, shortfall: 30 },
      ],
    },
  ]);
  // Two aggregate statements, then one batched load per referenced entity type.
  expect(t.selects()).toHaveLength(4);
});

test('without a city every city is listed in the notice order, with zero where nothing is assigned', async () => {
  const data = await t.ok(QUERY, { year: 2026 });
  expect(data.schoolTargetGaps).toHaveLength(11);
  expect(data.schoolTargetGaps[0]).toEqual({ year: 2026, cityTarget: 24180, assigned: 0, gap: 24180, city: { code: '330100' }, underAssigned: [] });
  expect(data.schoolTargetGaps.map((g: { city: { code: string } }) => g.city.code)).toEqual([
    '330100',
    '330200',
    '330300',
    '330500',
    '330400',
    '330600',
    '330700',
    '330800',
    '330900',
    '331000',
    '331100',
  ]);
});
