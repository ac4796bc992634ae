import { afterAll, beforeAll, expect, test } from 'vitest';
import { FlushMode } from '@mikro-orm/core';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createSchool } from '../helpers/fixtures.js';
import { writeChangeSets } from '../../server/src/common/change-set-writer.js';
import { School } from '../../server/src/modules/school/school.entity.js';

/**
 * The version check is part of the write itself (`… where id = ? and version = ?`, affected rows
 * counted), not only a comparison with what was read: a row another writer changes between the read
 * and the write is left as that writer left it, and reported with its version now.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Reads `ids`, lets "another writer" move the version of `moved` in between, then writes `change` to each. */
async function writeAfterAMove(ids: string[], moved: string, change: (school: School) => void) {
  return t.orm.em.fork().transactional(async (tx) => {
    const work = tx.fork({ clear: true, keepTransactionContext: true, flushMode: FlushMode.COMMIT });
    const schools = await work.find(School, { id: { $in: ids.map(Number) } }, { orderBy: { id: 'asc' } });
    await tx.getConnection().execute('update school set version = version + 1 where id = ?', [Number(moved)], 'run', tx.getTransactionContext());
    schools.forEach(change);
    t.resetQueryLog();
    const stale = await writeChangeSets(work, schools);
    // the log's lines as logged: colours, a `[query]` tag, the text with its placeholders, timing
    // eslint-disable-next-line no-control-regex -- the colour codes are what is taken out
    const statements = t.queries.map((line) => line.replace(/\u001b\[\d+m/g, '').replace(/^\[query\] /, ''));
    return { stale: stale.map((s) => ({ id: s.entity.id, currentVersion: s.currentVersion })), statements };
  });
}

const read = async (ids: string[]) =>
  (await t.ok(`query($ids: [ID!]) { allSchools(filter: { ids: $ids }, sortField: "id") { id name version } }`, { ids })).allSchools;

test('a multi-row UPDATE carries each row’s version and reports the row that moved', async () => {
  const ids = [await createSchool(t, { name: '版本甲', cityCode: '330100' }), await createSchool(t, { name: '版本乙', cityCode: '330100' })];
  const { stale, statements } = await writeAfterAMove(ids, ids[1]!, (s) => (s.name = `${s.name}（改）`));
  expect(stale).toEqual([{ id: Number(ids[1]), currentVersion: 2 }]);
  const update = statements.find((sql) => /^update\b/i.test(sql))!;
  // placeholders: `?` on SQLite, `$n` on PostgreSQL
  const p = '(\\?|\\$\\d+)';
  expect(update).toMatch(
    new RegExp(`where ["\`]id["\`] in \\(${p}, ${p}\\) and ["\`]version["\`] = case ["\`]id["\`] when ${p} then ${p} when ${p} then ${p} else -1 end`),
  );
  expect(statements.filter((sql) => /^update\b/i.test(sql))).toHaveLength(1);
  // The caller refuses the save and rolls back; here the transaction commits, so the unmoved row shows the write happened in place.
  expect(await read(ids)).toEqual([
    { id: ids[0], name: '版本甲（改）', version: 2 },
    { id: ids[1], name: '版本乙', version: 2 },
  ]);
});

test('a DELETE of a row that moved deletes nothing of it and reports it', async () => {
  const ids = [await createSchool(t, { name: '删除版本甲', cityCode: '330100' })];
  const result = await t.orm.em.fork().transactional(async (tx) => {
    const work = tx.fork({ clear: true, keepTransactionContext: true, flushMode: FlushMode.COMMIT });
    const school = await work.findOneOrFail(School, Number(ids[0]));
    await tx.getConnection().execute('update school set version = version + 1 where id = ?', [school.id], 'run', tx.getTransactionContext());
    work.remove(school);
    return (await writeChangeSets(work, [school])).map((s) => ({ id: s.entity.id, currentVersion: s.currentVersion }));
  });
  expect(result).toEqual([{ id: Number(ids[0]), currentVersion: 2 }]);
  expect(await read(ids)).toEqual([{ id: ids[0], name: '删除版本甲', version: 2 }]);
});
