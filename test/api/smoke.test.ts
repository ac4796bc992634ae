import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('cities come seeded', async () => {
  const data = await t.ok(`{ allCities { code nameZh } }`);
  expect(data.allCities).toHaveLength(11);
});
