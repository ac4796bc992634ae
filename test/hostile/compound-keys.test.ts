import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createCampus, type Campus } from '../federation/support/campus.js';
import { createPlan } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';

let t: TestApp;
let campus: Campus;
const plans: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  const { hangzhouLathe, ningboLathe } = campus.programs;
  // R5: only filed programs take plan lines
  for (const id of [hangzhouLathe, ningboLathe]) {
    const { Program } = await t.ok<{ Program: { version: number } }>('query($id: ID!) { Program(id: $id) { version } }', { id });
    await t.ok('mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, filedOn: "2022-06-01") { id } }', { id, v: Program.version });
  }
  plans.hz2025 = await createPlan(t, { programId: hangzhouLathe, year: 2025, seats: 40 });
  plans.hz2026 = await createPlan(t, { programId: hangzhouLathe, year: 2026, seats: 45 });
  plans.nb2025 = await createPlan(t, { programId: ningboLathe, year: 2025, seats: 30 });
});
afterAll(async () => {
  await t.close();
});

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on EnrollmentPlan { id year seats } }
}`;

/** A plan line by its natural key: program, year and season. */
const line = (programId: unknown, year: unknown, season: unknown = 'AUTUMN') => ({ __typename: 'EnrollmentPlan', program: { id: programId }, year, season });

const planStatements = (queries: string[]) => queries.filter((sql) => /from [`"]enrollment_plan[`"]/.test(sql));

test('plan lines by program, year and season: in the order asked, null where no line, one statement for the compound key', async () => {
  const { hangzhouLathe, ningboLathe, hangzhouWelding } = campus.programs;
  t.resetQueryLog();
  const data = await t.ok<{ _entities: unknown[] }>(ENTITIES, {
    representations: [
      line(ningboLathe, 2025),
      line(hangzhouLathe, 2026),
      line(hangzhouLathe, 2025, 'SPRING'),
      { __typename: 'EnrollmentPlan', id: plans.hz2025 },
      line(Number(hangzhouLathe), 2025),
      line(hangzhouWelding, 2025),
      line(hangzhouLathe, 2027),
      line(ningboLathe, 2025),
    ],
  });
  expect(data._entities).toEqual([
    { __typename: 'EnrollmentPlan', id: plans.nb2025, year: 2025, seats: 30 },
    { __typename: 'EnrollmentPlan', id: plans.hz2026, year: 2026, seats: 45 },
    null,
    { __typename: 'EnrollmentPlan', id: plans.hz2025, year: 2025, seats: 40 },
    { __typename: 'EnrollmentPlan', id: plans.hz2025, year: 2025, seats: 40 },
    null,
    null,
    { __typename: 'EnrollmentPlan', id: plans.nb2025, year: 2025, seats: 30 },
  ]);
  // One statement for the id key, one for the compound key; the values are bound, not written into the text.
  const statements = planStatements(t.queries);
  expect(statements).toHaveLength(2);
  const compound = statements.find((sql) => /season/.test(sql) && /json/.test(sql))!;
  expect(compound).toMatch(/\(e\.program_id, e\.year, e\.season\) in \(select/);
  expect(compound).not.toMatch(/2025|2026|AUTUMN/);
});

test('a partial or malformed compound key answers a typed error in its own slot; values no column can hold name no line', async () => {
  const { hangzhouLathe } = campus.programs;
  const malformed: unknown[] = [
    { __typename: 'EnrollmentPlan', program: { id: hangzhouLathe }, year: 2025 },
    { __typename: 'EnrollmentPlan', year: 2025, season: 'AUTUMN' },
    { __typename: 'EnrollmentPlan', program: hangzhouLathe, year: 2025, season: 'AUTUMN' },
    { __typename: 'EnrollmentPlan', program: [hangzhouLathe], year: 2025, season: 'AUTUMN' },
    { __typename: 'EnrollmentPlan', program: {}, year: 2025, season: 'AUTUMN' },
    line({ $gt: 0 }, 2025),
    line(hangzhouLathe, true),
    line(hangzhouLathe, 2025, ['AUTUMN']),
    line(hangzhouLathe, null),
  ];
  const missing = [
    line('not-a-number', 2025),
    line(hangzhouLathe, 'twenty'),
    line(hangzhouLathe, 2025.5),
    line(hangzhouLathe, 2025, 42),
    line('9'.repeat(40), 2025),
  ];
  const result = await t.gql<{ _entities: unknown[] }>(ENTITIES, { representations: [...malformed, ...missing, line(hangzhouLathe, 2025)] });
  expect(result.data!._entities).toEqual([
    ...malformed.map(() => null),
    ...missing.map(() => null),
    { __typename: 'EnrollmentPlan', id: plans.hz2025, year: 2025, seats: 40 },
  ]);
  expect(result.errors!.map((e) => e.path)).toEqual(malformed.map((_, i) => ['_entities', i]));
  for (const error of result.errors!) {
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    expect(error.message).not.toMatch(/Cannot read|undefined|at \w+ \(/);
  }
  expect(result.errors![0]!.extensions.messageEn).toBe('representation 0: the compound key (program { id } year season) lacks season');
  expect(result.errors![0]!.extensions.messageZh).toBe('第 1 个引用的复合键（program { id } year season）缺少 season');
  expect(result.errors![5]!.extensions.messageEn).toBe('representation 5: EnrollmentPlan.program.id must be a string or a number');
});

test('10,000 distinct compound keys: one statement, every slot answered', async () => {
  const { hangzhouLathe } = campus.programs;
  const count = 10_000;
  const representations = Array.from({ length: count }, (_, i) => line(String(2_000_000 + i), 2000 + (i % 50), i % 2 ? 'SPRING' : 'AUTUMN'));
  representations[count - 1] = line(hangzhouLathe, 2026);
  t.resetQueryLog();
  const result = await t.gql<{ _entities: unknown[] }>(ENTITIES, { representations });
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toHaveLength(count);
  expect(result.data!._entities.filter((slot) => slot !== null)).toEqual([{ __typename: 'EnrollmentPlan', id: plans.hz2026, year: 2026, seats: 45 }]);
  expect(planStatements(t.queries)).toHaveLength(1);
});

test("a city admin asking by compound key for another city's line gets null, as for a line that does not exist", async () => {
  const hangzhouAdmin = await t.as(await createUser(t, { username: 'hz.compound', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] }));
  const { hangzhouLathe, ningboLathe } = campus.programs;
  const data = await hangzhouAdmin.ok<{ _entities: unknown[] }>(ENTITIES, { representations: [line(ningboLathe, 2025), line(hangzhouLathe, 2025)] });
  expect(data._entities).toEqual([null, { __typename: 'EnrollmentPlan', id: plans.hz2025, year: 2025, seats: 40 }]);
});
