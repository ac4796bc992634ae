import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { createUser } from '../helpers/users.js';
import { seed } from '../../server/src/seeders/index.js';
import { resources } from '../../server/src/modules/index.js';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { mayRead, mayWrite, placeOf, readPlaceOf, type ResourceDef } from '../../server/src/common/resource.js';
import { mayAsk } from '../../server/src/common/query-reach.js';
import { queryReach } from '../../server/src/modules/index.js';
import { PROVINCE_CODE } from '../../server/src/modules/target/campaign.js';
import { idAt } from '../../server/src/auth/scope.js';
import { PLAN_STEPS } from '../../server/src/modules/plan/plan-workflow.service.js';
import { School } from '../../server/src/modules/school/school.entity.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { SchoolTarget } from '../../server/src/modules/target/school-target.entity.js';
import { PROVINCE_WIDE, Role } from '../../server/src/auth/role.js';
import type { BaseEntity } from '../../server/src/common/base.entity.js';

/**
 * The authorization matrix, generated from the resources' own policies: every resource × operation ×
 * role (province, city admin of the row's city and of another, staff of the row's school and of
 * another, analyst, service) is allowed or refused as the policy says, and so is every child list read
 * through its parent and every query beside the resources (as its declared reach says, taken from the
 * schema's Query fields). A resource or query added to the module list adds its rows here. The demo
 * province supplies a row of every resource.
 */

type Actor = 'province' | 'ownCity' | 'otherCity' | 'ownSchool' | 'otherSchool' | 'analyst' | 'service';
const ACTORS: Actor[] = ['province', 'ownCity', 'otherCity', 'ownSchool', 'otherSchool', 'analyst', 'service'];
const ROLE_OF: Record<Actor, Role> = {
  province: Role.PROVINCE_ADMIN,
  ownCity: Role.CITY_ADMIN,
  otherCity: Role.CITY_ADMIN,
  ownSchool: Role.SCHOOL_STAFF,
  otherSchool: Role.SCHOOL_STAFF,
  analyst: Role.ANALYST,
  service: Role.SERVICE,
};
const MISSING_ID = '99999999';
const STALE_VERSION = 999999;

/** Who an actor is: its account and the city and school it is bound to. */
interface Seat {
  userId: number;
  cityId: number | null;
  schoolId: number | null;
}

interface Target {
  def: ResourceDef;
  id: string;
  row: Record<string, unknown>;
  clients: Record<Actor, Client>;
  seats: Record<Actor, Seat>;
}

let t: TestApp;
const targets: Target[] = [];
let serial = 0;

/** Clients bound to the row's city and school, and to another city and another school of the same city. */
async function clientsFor(cityId: number, schoolId: number): Promise<Pick<Target, 'clients' | 'seats'>> {
  const em = t.orm.em.fork();
  const otherCity = await em.findOneOrFail(City, { id: { $ne: cityId } }, { orderBy: { id: 'ASC' } });
  const otherSchool = await em.findOneOrFail(School, { city: cityId, id: { $ne: schoolId } }, { orderBy: { id: 'ASC' } });
  const seats: Record<Actor, Seat> = {
    province: { userId: 1, cityId: null, schoolId: null },
    ownCity: { userId: 0, cityId, schoolId: null },
    otherCity: { userId: 0, cityId: otherCity.id, schoolId: null },
    ownSchool: { userId: 0, cityId, schoolId },
    otherSchool: { userId: 0, cityId, schoolId: otherSchool.id },
    analyst: { userId: 0, cityId: null, schoolId: null },
    service: { userId: 0, cityId: null, schoolId: null },
  };
  const clients = {} as Record<Actor, Client>;
  for (const actor of ACTORS) {
    const seat = seats[actor];
    const role = ROLE_OF[actor];
    const binding = role === Role.SCHOOL_STAFF ? { schoolId: String(seat.schoolId) } : role === Role.CITY_ADMIN ? { cityId: String(seat.cityId) } : {};
    if (actor !== 'province') seat.userId = await createUser(t, { username: `m${++serial}.user`, role, ...binding });
    clients[actor] = await t.as(seat.userId);
  }
  return { clients, seats };
}

/** A row of the resource that stands in a school (or, for city rows, in a city), with its place. */
async function pickRow(def: ResourceDef): Promise<{ entity: BaseEntity; cityId: number; schoolId: number } | null> {
  const em = t.orm.em.fork();
  const candidates = (await em.find(def.entity, {}, { orderBy: { id: 'ASC' }, limit: 200 })) as BaseEntity[];
  for (const entity of candidates) {
    const schoolId = def.policy.school ? await idAt(entity, def.policy.school) : null;
    const cityId = def.policy.city ? await idAt(entity, def.policy.city) : null;
    if (def.policy.school && schoolId === null) continue;
    if (def.policy.city && cityId === null) continue;
    const school = schoolId
      ? await em.findOneOrFail(School, schoolId)
      : await em.findOneOrFail(School, cityId ? { city: cityId } : { id: { $gt: 0 } }, { orderBy: { id: 'ASC' } });
    // staff of another school of the same city are needed
    if ((await em.count(School, { city: school.city.id })) < 2) continue;
    return { entity, cityId: school.city.id, schoolId: school.id };
  }
  return null;
}

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true });
  // Seeding is not audited: one write through the API leaves an audit entry with its city.
  const schoolTarget = await t.orm.em.fork().findOneOrFail(SchoolTarget, { id: { $gt: 0 } }, { orderBy: { id: 'ASC' } });
  await t.ok(`mutation($id: ID!, $v: Int!, $s: Int!) { updateSchoolTarget(id: $id, version: $v, seats: $s) { id } }`, {
    id: String(schoolTarget.id),
    v: schoolTarget.version,
    s: schoolTarget.seats + 1,
  });
  // The demo has no enrollment-order cases: one reported through the API, in the first school's city.
  const firstSchool = await t.orm.em.fork().findOneOrFail(School, { id: { $gt: 0 } }, { orderBy: { id: 'ASC' } });
  await t.ok(
    `mutation($c: ID!) { createDisciplineCase(cityId: $c, kind: ILLEGAL_RECRUITMENT, source: COMPLAINT, reportedOn: "2026-05-01", summary: "跨市招生") { id } }`,
    { c: String(firstSchool.city.id) },
  );
  const byPlace = new Map<string, Pick<Target, 'clients' | 'seats'>>();
  for (const def of resources) {
    const picked = await pickRow(def);
    if (!picked) continue;
    const key = `${picked.cityId}:${picked.schoolId}`;
    if (!byPlace.has(key)) byPlace.set(key, await clientsFor(picked.cityId, picked.schoolId));
    targets.push({ def, id: String(picked.entity.id), row: picked.entity as unknown as Record<string, unknown>, ...byPlace.get(key)! });
  }
}, 600000);
afterAll(async () => {
  await t?.close();
});

/** Whether the actor sees the row: by role (readers) and by place (its city or school). */
function reads(def: ResourceDef, actor: Actor): 'row' | 'absent' | 'FORBIDDEN' {
  const role = ROLE_OF[actor];
  if (!mayRead(def, role)) return 'FORBIDDEN';
  const place = readPlaceOf(def, role);
  if (place === 'province') return 'row';
  // the matrix's row is nobody's own account here: a self reader sees only its own (checked below)
  if (place === 'self') return 'absent';
  return actor.startsWith('own') ? 'row' : 'absent';
}

/** Whether the actor may change the row: by role, by place, and by the staff's row limit. */
function writes(target: Target, actor: Actor): boolean {
  const { def, row } = target;
  const role = ROLE_OF[actor];
  if (!mayWrite(def, role)) return false;
  if (placeOf(def, role) !== 'province' && !actor.startsWith('own')) return false;
  const limits = role === Role.SCHOOL_STAFF ? def.policy.staffWritesWhere : undefined;
  return Object.entries(limits ?? {}).every(([prop, allowed]) => allowed.includes(row[prop] as string));
}

const errorOf = (result: { errors?: Array<{ message: string; extensions: Record<string, any> }> }) => result.errors?.[0];

/** The ids of a parent's child rows that lie in the actor's place, read from the database, not the API. */
async function childIdsIn(childDef: ResourceDef, foreignKey: string, parentId: number, actor: Actor, seat: Seat): Promise<string[]> {
  const rows = (await t.orm.em.fork().find(childDef.entity, { [foreignKey]: parentId } as never)) as BaseEntity[];
  const place = readPlaceOf(childDef, ROLE_OF[actor]);
  const own: Record<typeof place, [string | undefined, number | null]> = {
    province: [undefined, null],
    city: [childDef.policy.city, seat.cityId],
    school: [childDef.policy.school, seat.schoolId],
    self: [childDef.policy.self, seat.userId],
  };
  const [path, id] = own[place];
  const kept: string[] = [];
  for (const row of rows) if (!path || (await idAt(row, path)) === id) kept.push(String(row.id));
  return kept.sort();
}

test('every resource has a row to check against', () => {
  expect(targets.map((target) => target.def.name).sort()).toEqual(resources.map((def) => def.name).sort());
});

describe.each(resources.map((def) => [def.name, def] as const))('%s', (name, def) => {
  const target = () => targets.find((x) => x.def === def)!;

  test.each(ACTORS)('reads: list, one, count and _entities as %s', async (actor) => {
    const { id, clients } = target();
    const expected = reads(def, actor);
    const result = await clients[actor].gql(
      `query($id: ID!, $ids: [ID!]) {
      list: all${def.plural}(filter: { ids: $ids }) { id }
      one: ${name}(id: $id) { id }
      count: _all${def.plural}Meta(filter: { ids: $ids }) { count }
    }`,
      { id, ids: [id] },
    );
    if (expected === 'FORBIDDEN') {
      expect(errorOf(result)?.extensions.code).toBe('FORBIDDEN');
      return;
    }
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(expected === 'row' ? { list: [{ id }], one: { id }, count: { count: 1 } } : { list: [], one: null, count: { count: 0 } });
    if (!def.keys?.includes('id')) return;
    const entities = await clients[actor].gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${name} { id } } }`, {
      r: [{ __typename: name, id }],
    });
    expect(entities.data?._entities).toEqual([expected === 'row' ? { id } : null]);
  });

  test.each(ACTORS)('children read through the parent as %s: the rows of its place; a foreign parent reads as missing', async (actor) => {
    const { id, clients, seats } = target();
    for (const child of def.children ?? []) {
      const childDef = child.resource();
      const result = await clients[actor].gql(`query($id: ID!) { one: ${name}(id: $id) { id rows: ${child.name} { id } } }`, { id });
      const parent = reads(def, actor);
      if (parent === 'FORBIDDEN' || (parent === 'row' && !mayRead(childDef, ROLE_OF[actor]))) {
        expect(errorOf(result)?.extensions.code, child.name).toBe('FORBIDDEN');
        expect(result.data?.one ?? null, child.name).toBeNull();
        continue;
      }
      expect(result.errors, child.name).toBeUndefined();
      if (parent === 'absent') {
        expect(result.data, child.name).toEqual({ one: null });
        continue;
      }
      const ids = (result.data!.one.rows as Array<{ id: string }>).map((row) => row.id).sort();
      expect(ids, `${name}.${child.name}`).toEqual(await childIdsIn(childDef, child.foreignKey, Number(id), actor, seats[actor]));
    }
  });

  test.each(ACTORS)('writes: update, delete and bulk save as %s; a foreign row answers as a missing one', async (actor) => {
    if (def.mutations === false) return;
    const { id, clients } = target();
    const client = clients[actor];
    const update = (rowId: string) =>
      client.gql(`mutation($id: ID!, $v: Int!) { update${name}(id: $id, version: $v) { id } }`, { id: rowId, v: STALE_VERSION });
    const remove = (rowId: string) =>
      client.gql(`mutation($id: ID!, $v: Int!) { delete${name}(id: $id, version: $v) { id } }`, { id: rowId, v: STALE_VERSION });
    const save = (rowId: string) =>
      client.gql(`mutation($rows: [${name}SaveRow!]!) { save${def.plural}(rows: $rows) { id } }`, { rows: [{ id: rowId, version: STALE_VERSION }] });
    // A stale version is the last check a permitted write meets: CONFLICT means every check of role and place passed, and nothing changed.
    const expected = writes(target(), actor) ? 'CONFLICT' : 'FORBIDDEN';
    const updated = errorOf(await update(id));
    expect(updated?.extensions.code).toBe(expected);
    expect(errorOf(await remove(id))?.extensions.code).toBe(expected);
    expect(errorOf(await save(id))?.extensions.rows[0].code).toBe(expected);
    if (expected === 'FORBIDDEN') {
      // same answer, word for word, for a row that does not exist: nothing of the row is told
      expect(errorOf(await update(MISSING_ID))).toEqual(updated);
      expect(updated?.extensions.rule).toBeNull();
    }
  });

  test.each(ACTORS)('create: refused before anything is looked at unless %s writes this resource', async (actor) => {
    if (def.mutations === false) return;
    const result = await target().clients[actor].gql(`mutation($rows: [${name}SaveRow!]!) { save${def.plural}(rows: $rows) { id } }`, { rows: [{}] });
    const code = errorOf(result)?.extensions.rows?.[0]?.code;
    if (mayWrite(def, ROLE_OF[actor])) expect(code).not.toBe('FORBIDDEN');
    else expect(code).toBe('FORBIDDEN');
  });
});

describe('workflow steps', () => {
  const plan = () => targets.find((x) => x.def.name === 'EnrollmentPlan')!;
  const MUTATION = { SUBMIT: 'submitPlans', APPROVE: 'approvePlans', FILE: 'filePlans', RETURN: 'returnPlans' } as const;

  test.each(Object.keys(MUTATION).flatMap((step) => ACTORS.map((actor) => [step as keyof typeof MUTATION, actor] as const)))(
    '%s as %s',
    async (step, actor) => {
      const { id, clients } = plan();
      const reason = step === 'RETURN' ? ', reason: "核查"' : '';
      const run = (rowId: string) => clients[actor].gql(`mutation { ${MUTATION[step]}(ids: ["${rowId}"]${reason}) { id } }`);
      const role = ROLE_OF[actor];
      const elsewhere = placeOf(plan().def, role) !== 'province' && !actor.startsWith('own');
      const error = errorOf(await run(id));
      if (elsewhere) {
        // another place's line: the same answer as a missing line, no rule, no status
        expect(error?.extensions.rows[0]).toMatchObject({ code: 'FORBIDDEN', rule: null });
        expect(errorOf(await run(MISSING_ID))?.extensions.rows[0]).toEqual({ ...error?.extensions.rows[0], id: MISSING_ID });
      } else if (!PLAN_STEPS[step].roles.includes(role)) {
        expect(error?.extensions.rows[0]).toMatchObject({ code: 'FORBIDDEN', rule: PLAN_STEPS[step].rule });
      } else {
        // permitted to take the step: whatever refuses it now is the line's status or issuer, never its place
        if (error) expect(error.extensions.rows[0].rule).not.toBeNull();
      }
    },
  );
});

describe('analytics', () => {
  test.each(ACTORS)('levelMix by city as %s: its own city, not another, never an unknown code', async (actor) => {
    const plan = targets.find((x) => x.def.name === 'EnrollmentPlan')!;
    const em = t.orm.em.fork();
    const school = await em.findOneOrFail(School, (await idAt(plan.row as unknown as BaseEntity, 'school'))!, { populate: ['city'] });
    const ask = (code: string) => plan.clients[actor].gql(`query($c: String) { levelMix(cityCode: $c) { year } }`, { c: code });
    const provinceWide = [Role.PROVINCE_ADMIN, Role.ANALYST, Role.SERVICE].includes(ROLE_OF[actor]);
    const rowCity = errorOf(await ask(school.city.code));
    expect(rowCity?.extensions.code).toBe(actor === 'otherCity' ? 'FORBIDDEN' : undefined);
    const unknown = errorOf(await ask('999999'));
    expect(unknown?.extensions).toMatchObject(provinceWide ? { code: 'BAD_USER_INPUT', field: 'cityCode' } : { code: 'FORBIDDEN' });
  });
});

describe('self: a role outside a resource\u2019s readers reads its own row of it, and only that', () => {
  const selfResources = resources.filter((def) => def.policy.self);

  test('the User resource declares a self place', () => {
    expect(selfResources.map((def) => def.name)).toContain('User');
  });

  test.each(selfResources.flatMap((def) => ACTORS.map((actor) => [def.name, actor] as const)))('%s as %s', async (name, actor) => {
    const target = targets.find((x) => x.def.name === name)!;
    const { clients, seats } = target;
    const own = String(seats[actor].userId);
    const result = await clients[actor].gql(
      `query($id: ID!, $other: ID!) { me { id } own: ${name}(id: $id) { id } other: ${name}(id: $other) { id } list: all${target.def.plural}(perPage: 1000) { id } }`,
      { id: own, other: target.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toEqual({ id: own });
    expect(result.data!.own).toEqual({ id: own });
    const ids = (result.data!.list as Array<{ id: string }>).map((row) => row.id);
    if (readPlaceOf(target.def, ROLE_OF[actor]) === 'self') {
      // another account looks missing, and the list holds the own account alone
      expect(result.data!.other).toBeNull();
      expect(ids).toEqual([own]);
    } else {
      expect(result.data!.other).toEqual({ id: target.id });
      expect(ids.length).toBeGreaterThan(1);
    }
  });
});

describe('queries beside the resources: each as its declared reach says', () => {
  let schema: GraphQLSchema;
  const resourceQueries = new Set(
    resources.flatMap((def) => [def.name, `all${def.plural}`, `_all${def.plural}Meta`, `all${def.plural}Connection`, `aggregate${def.plural}`]),
  );
  const resourceTypes = new Set(resources.map((def) => def.name));

  beforeAll(async () => {
    schema = buildClientSchema((await targets[0]!.clients.province.ok(getIntrospectionQuery())) as never);
  });

  /** Leaf fields, and the fields of the query's own row types, a few levels down; never a resource's rows (their reads are checked above). */
  function selection(type: Parameters<typeof getNamedType>[0], depth = 0): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named) || depth > 3) return '{ __typename }';
    const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
    const picked = fields
      .filter((f) => isLeafType(getNamedType(f.type)) || !resourceTypes.has(getNamedType(f.type).name))
      .map((f) => `${f.name} ${selection(f.type, depth + 1)}`);
    return `{ ${picked.join(' ') || '__typename'} }`;
  }

  /** Values for required arguments: a campaign year, the first fixture city, a record no one has. */
  const REQUIRED_ARGUMENTS: Record<string, string | number> = { year: 2026, cityCode: '330100', id: '999999999' };

  /** The query with its required arguments (a campaign year) and the given ones. */
  function document(field: GraphQLField<unknown, unknown>, given: Record<string, string | number> = {}): string {
    const args: Record<string, string | number> = {};
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
      if (!(arg.name in REQUIRED_ARGUMENTS)) throw new Error(`${field.name}: no value known for its required argument ${arg.name}`);
      args[arg.name] = REQUIRED_ARGUMENTS[arg.name]!;
    }
    Object.assign(args, given);
    const text = Object.entries(args).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    return `{ ${field.name}${text.length ? `(${text.join(', ')})` : ''} ${selection(field.type)} }`;
  }

  /** Every value under a key, however deep. */
  const valuesAt = (data: unknown, key: string): unknown[] =>
    Array.isArray(data)
      ? data.flatMap((item) => valuesAt(item, key))
      : data && typeof data === 'object'
        ? Object.entries(data).flatMap(([k, v]) => (k === key && (typeof v !== 'object' || v === null) ? [v] : valuesAt(v, key)))
        : [];

  test('every query that is not a resource\u2019s own declares its reach', () => {
    const beside = Object.keys(schema.getQueryType()!.getFields()).filter((name) => !resourceQueries.has(name) && !name.startsWith('_'));
    expect(beside.sort()).toEqual(Object.keys(queryReach).sort());
  });

  test.each(Object.keys(queryReach).flatMap((query) => ACTORS.map((actor) => [query, actor] as const)))('%s as %s', async (query, actor) => {
    const plan = targets.find((x) => x.def.name === 'EnrollmentPlan')!;
    const { clients, seats } = plan;
    const client = clients[actor];
    const seat = seats[actor];
    const role = ROLE_OF[actor];
    const reach = queryReach[query]!;
    const field = schema.getQueryType()!.getFields()[query]!;
    const result = await client.gql(document(field));
    if (!mayAsk(reach, role)) {
      expect(errorOf(result)?.extensions.code).toBe('FORBIDDEN');
      expect(result.data?.[query] ?? null).toBeNull();
      return;
    }
    expect(result.errors).toBeUndefined();
    if (reach === 'self' && query === 'me') expect(result.data!.me.id).toBe(String(seat.userId));
    if (reach === 'everyone') expect(result.data).toEqual((await clients.province.gql(document(field))).data);
    if (reach !== 'place') return;
    const em = t.orm.em.fork();
    const cities = await em.find(City, {}, { orderBy: { id: 'ASC' } });
    const elsewhere = cities.find((c) => c.id !== (seat.cityId ?? plan.seats.ownCity.cityId))!;
    const argNames = field.args.map((a) => a.name);
    const foreign: Array<Record<string, string>> = [
      ...(argNames.includes('cityCode') ? [{ cityCode: elsewhere.code }] : []),
      ...(argNames.includes('cityId') ? [{ cityId: String(elsewhere.id) }] : []),
    ];
    if (PROVINCE_WIDE.includes(role)) {
      // any city by name
      for (const given of foreign) expect((await client.gql(document(field, given))).errors, JSON.stringify(given)).toBeUndefined();
      return;
    }
    // the answer names the asker's city alone (and the province's own line, 330000), and another city by name is refused
    const ownCode = cities.find((c) => c.id === seat.cityId)!.code;
    for (const code of valuesAt(result.data, 'cityCode')) expect([ownCode, PROVINCE_CODE]).toContain(code);
    for (const cityId of valuesAt(result.data, 'cityId')) expect(String(cityId)).toBe(String(seat.cityId));
    // a school named in a staff member's answer is their own (null marks a city's line, such as the task's)
    if (role === Role.SCHOOL_STAFF)
      for (const schoolId of valuesAt(result.data, 'schoolId').filter((id) => id !== null)) expect(String(schoolId)).toBe(String(seat.schoolId));
    for (const given of foreign) expect(errorOf(await client.gql(document(field, given)))?.extensions.code, JSON.stringify(given)).toBe('FORBIDDEN');
  });
});
