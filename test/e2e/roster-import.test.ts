import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { gql, openBrowser, screenshotDir, signIn } from './browser';
import { idNumber, nthIdNumber } from '../helpers/id-numbers.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/**
 * A school's roster of more rows than one save takes, imported from XLSX and then CSV: the server's
 * problems (a wrong check character, a student twice) come back on their rows and nothing is written;
 * the corrected file is written at once, with its progress shown meanwhile.
 */

const ROWS = 1500;
/** A server of its own: the school and students made here must not show in the other sheets' tests. */
let server: ServerProcess;
let base: string;
let dir: string;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let planId: string;

/** The line is filed today, so its students register today: in the window (R9) of the season it belongs to. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const month = Number(today.slice(5, 7));
const year = Number(today.slice(0, 4)) + (month >= 11 ? 1 : 0);
const season = month >= 4 && month <= 10 ? 'AUTUMN' : 'SPRING';

const HEADERS = ['招生计划', '姓名', '身份证号', '招生对象', '学籍注册日期'];
const line = (n: number, id = nthIdNumber(40000 + n)) => [`#${planId}`, `名册学生${n}`, id, '应届初中毕业生', today];
const studentsOnLine = async () =>
  (await gql<{ _allStudentsMeta: { count: number } }>(base, 'query($p: ID) { _allStudentsMeta(filter: { planId: $p }) { count } }', { p: planId }))
    ._allStudentsMeta.count;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-roster-'));
  server = await startServerProcess(
    `sqlite:${path.join(dir, 'roster.sqlite')}`,
    { DEMO_DATA: 'false', NODE_ENV: 'test', ADMIN_USERNAME: inject('adminUsername'), ADMIN_PASSWORD: inject('adminPassword') },
    { readyWithinMs: 300000 },
  );
  base = server.base;
  const { allCities } = await gql<{ allCities: Array<{ id: string }> }>(base, '{ allCities(filter: { code: "330100" }) { id } }');
  const { allMajors } = await gql<{ allMajors: Array<{ id: string }> }>(base, '{ allMajors(filter: { code: "0101" }) { id } }');
  const { createSchool } = await gql<{ createSchool: { id: string } }>(
    base,
    'mutation($c: ID!) { createSchool(name: "名册导入省属技师学院", type: TECHNICIAN_COLLEGE, cityId: $c, provincial: true) { id } }',
    { c: allCities[0]!.id },
  );
  const { createProgram } = await gql<{ createProgram: { id: string } }>(
    base,
    'mutation($s: ID!, $m: ID!) { createProgram(schoolId: $s, majorId: $m, level: INTERMEDIATE, entryBasis: JUNIOR_HIGH, filedOn: "2022-06-01") { id } }',
    { s: createSchool.id, m: allMajors[0]!.id },
  );
  planId = (
    await gql<{ createEnrollmentPlan: { id: string } }>(
      base,
      'mutation($p: ID!, $y: Int!, $s: Season!) { createEnrollmentPlan(programId: $p, year: $y, season: $s, seats: 2000) { id } }',
      { p: createProgram.id, y: year, s: season },
    )
  ).createEnrollmentPlan.id;
  // a provincial school's line: the province submits, approves and files it (R4, R6)
  for (const step of ['submitPlans', 'approvePlans', 'filePlans']) await gql(base, `mutation($ids: [ID!]!) { ${step}(ids: $ids) { id } }`, { ids: [planId] });
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, base);
}, 360000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importFile(file: string) {
  await page.goto(`${base}/#/Student`);
  await page.reload();
  await page.locator('.sheet .ag-root').waitFor();
  await page.getByTestId('sheet-import-file').setInputFiles(file);
  await page.getByRole('dialog').waitFor();
  await page.getByRole('button', { name: /导入并保存/ }).click();
}

test('a roster with bad rows: every problem on its row, nothing written; corrected, all of it at once', async () => {
  const rows = Array.from({ length: ROWS }, (_, n) => line(n));
  rows[2] = line(2, idNumber('330106', '20100315', '123').slice(0, 17) + (idNumber('330106', '20100315', '123').endsWith('0') ? '1' : '0'));
  rows[7] = line(7, rows[4]![2]);
  const xlsx = path.join(browser.downloads, 'roster.xlsx');
  await writeXlsxFile([HEADERS, ...rows].map((cells) => cells.map((value) => ({ value })))).toFile(xlsx);
  await importFile(xlsx);
  await page.locator('.import-progress').waitFor();
  await expect.poll(() => page.locator('.import-preview .import-row-error').count(), { timeout: 60000 }).toBe(2);
  const problems = await page.locator('.import-preview .import-row-error').allTextContents();
  expect(problems[0]).toContain('身份证号');
  expect(problems[1]).toContain('重复注册');
  expect(await studentsOnLine()).toBe(0);
  await page.screenshot({ path: path.join(screenshotDir, 'roster-import-problems.png') });

  const fixed = rows.filter((_, i) => i !== 2 && i !== 7);
  const csv = path.join(browser.downloads, 'roster.csv');
  fs.writeFileSync(csv, [HEADERS, ...fixed].map((cells) => cells.join(',')).join('\n'));
  await page.keyboard.press('Escape');
  await importFile(csv);
  await expect.poll(studentsOnLine, { timeout: 60000 }).toBe(ROWS - 2);
  await page.getByText(`已导入 ${ROWS - 2} 行`).waitFor();
});
