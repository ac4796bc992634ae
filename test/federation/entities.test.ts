import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createCampus, type Campus } from './support/campus.js';

let t: TestApp;
let campus: Campus;
beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
});
afterAll(async () => {
  await t.close();
});

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on City { code nameZh }
    ... on School { name }
    ... on Program { id }
  }
}`;

/** Which of the entity tables the logged SQL statements read, in order (other lookups, e.g. who is signed in, aside). */
const tablesRead = (queries: string[]) =>
  queries.map((sql) => /\bfrom [`"](\w+)[`"]/.exec(sql)?.[1]).filter((table) => ['city', 'school', 'program'].includes(table!));

test('one _entities call: one query per type and key field, answers in the order asked, null for unknown keys', async () => {
  const { schools, programs, cityIds } = campus;
  t.resetQueryLog();
  const data = await t.ok(ENTITIES, {
    representations: [
      { __typename: 'School', id: schools.ningbo },
      { __typename: 'City', code: '330200' },
      { __typename: 'School', id: '999999' },
      { __typename: 'City', id: cityIds['330100'] },
      { __typename: 'Program', id: programs.hangzhouWelding },
      { __typename: 'School', id: schools.hangzhou },
      { __typename: 'City', code: '339900' },
      { __typename: 'School', id: 'not-a-number' },
      { __typename: 'City', code: '330200' },
    ],
  });
  expect(data._entities).toEqual([
    { __typename: 'School', name: '宁波第一技师学院' },
    { __typename: 'City', code: '330200', nameZh: '宁波市' },
    null,
    { __typename: 'City', code: '330100', nameZh: '杭州市' },
    { __typename: 'Program', id: programs.hangzhouWelding },
    { __typename: 'School', name: '杭州第一技师学院' },
    null,
    null,
    { __typename: 'City', code: '330200', nameZh: '宁波市' },
  ]);
  // City is asked by id and by code: one statement for each key field.
  expect(tablesRead(t.queries).sort()).toEqual(['city', 'city', 'program', 'school']);
});

test('references resolve further fields of ours, still batched', async () => {
  const { schools } = campus;
  t.resetQueryLog();
  const data = await t.ok(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on School { name city { code } } } }`, {
    representations: [
      { __typename: 'School', id: schools.hangzhou },
      { __typename: 'School', id: schools.ningbo },
    ],
  });
  expect(data._entities).toEqual([
    { name: '杭州第一技师学院', city: { code: '330100' } },
    { name: '宁波第一技师学院', city: { code: '330200' } },
  ]);
  expect(tablesRead(t.queries)).toEqual(['school', 'city']);
});

test('a representation without any key field is refused with a typed error', async () => {
  const result = await t.gql(ENTITIES, { representations: [{ __typename: 'City', nameZh: '杭州市' }] });
  expect(result.data).toEqual({ _entities: [null] });
  expect(result.errors!.map((e) => [e.path, e.extensions.code, e.extensions.field])).toEqual([[['_entities', 0], 'BAD_USER_INPUT', 'representations']]);
});

test('each type reads only the columns its fragment selects (and its key), the keys bound as one parameter', async () => {
  const { schools } = campus;
  t.resetQueryLog();
  const data = await t.ok(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on School { name } ... on City { nameZh } } }`,
    {
      representations: [
        { __typename: 'School', id: schools.ningbo },
        { __typename: 'City', code: '330100' },
      ],
    },
  );
  expect(data._entities).toEqual([{ name: '宁波第一技师学院' }, { nameZh: '杭州市' }]);
  const [schoolSql] = t.queries.filter((sql) => /from [`"]school[`"]/.test(sql));
  const [citySql] = t.queries.filter((sql) => /from [`"]city[`"]/.test(sql));
  expect(schoolSql).toMatch(/select e\.[`"]id[`"], e\.[`"]name[`"] from/);
  expect(citySql).toMatch(/select e\.[`"]id[`"], e\.[`"]code[`"], e\.[`"]name_zh[`"] from/);
  // The text carries a placeholder, not the keys: the same statement serves any keys.
  expect(schoolSql).toMatch(/where e\.[`"]id[`"] in \(select value from json_each\(\?\)\)/);
  expect(citySql).toMatch(/where e\.[`"]code[`"] in \(select value from json_each\(\?\)\)/);
  expect(citySql).not.toContain('330100');
});
