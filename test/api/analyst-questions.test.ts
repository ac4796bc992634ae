import { afterAll, beforeAll, expect, test } from 'vitest';
import { ANALYST_QUESTIONS } from '../../admin/src/graphiql/analyst-questions.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildDataset, clockAfterRegistration, counted, facts, sum } from './analytics-dataset.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: clockAfterRegistration() });
  await buildDataset(t);
});
afterAll(async () => {
  await t.close();
});

test('the explorer offers ten analyst questions, each one grouped query', () => {
  expect(ANALYST_QUESTIONS).toHaveLength(10);
  for (const { query } of ANALYST_QUESTIONS) expect(query).toMatch(/aggregate[A-Z]\w+\(/);
});

test('every question runs with its default variables and answers in groups', async () => {
  for (const { query } of ANALYST_QUESTIONS) {
    const result = await t.gql(query);
    expect(result.errors, query.split('\n')[0]).toBeUndefined();
    const groups = Object.values(result.data!)[0] as unknown[];
    expect(Array.isArray(groups), query.split('\n')[0]).toBe(true);
  }
});

test('question 4 adds up to the students of 2025 the notice counts', async () => {
  const result = await t.ok(ANALYST_QUESTIONS[3]!.query);
  const total = result.aggregateIntakes.reduce((a: number, g: { sum: { count: number } }) => a + g.sum.count, 0);
  // The template's own intakes (none) plus the data set's.
  expect(total).toBe(sum(facts().filter((f) => counted(f) && f.year === 2025)));
});
