import 'reflect-metadata';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { buildContract, contractJson, rolesPage } from '../../server/src/contract.js';
import { queryReach, resources } from '../../server/src/modules/index.js';
import { MAX_SAVE_ROWS, defineResource, type ResourceDef } from '../../server/src/common/resource.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Role } from '../../server/src/auth/role.js';

const read = (relative: string) => fs.readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

test('schema/resources.json is what the resources describe (run `pnpm schema:emit` when this fails)', () => {
  expect(read('../../schema/resources.json')).toBe(contractJson(buildContract(resources, queryReach)));
});

test('docs/roles.md is generated from the same descriptions (run `pnpm schema:emit` when this fails)', () => {
  expect(read('../../docs/roles.md')).toBe(rolesPage(buildContract(resources, queryReach)));
});

test('the contract carries each resource\u2019s limits, references and who reads and writes it', () => {
  const contract = buildContract(resources, queryReach);
  const plan = contract.resources.find((r) => r.name === 'EnrollmentPlan')!;
  expect(plan.fields.find((f) => f.name === 'year')).toMatchObject({ kind: 'int', required: true, min: 2023, max: 2027 });
  expect(plan.fields.find((f) => f.name === 'programId')).toMatchObject({ kind: 'ref', references: 'Program', required: true });
  expect(plan.writePlace).toEqual({ PROVINCE_ADMIN: 'province', CITY_ADMIN: 'city', SCHOOL_STAFF: 'school' });
  expect(plan.staffWritesWhere).toEqual({ status: ['DRAFT'] });
  const company = contract.resources.find((r) => r.name === 'Company')!;
  expect(company.readPlace.CITY_ADMIN).toBe('province');
  expect(company.writePlace.CITY_ADMIN).toBe('city');
  expect(contract.resources.find((r) => r.name === 'Incentive')!.readers).not.toContain('SCHOOL_STAFF');
  expect(contract.planSteps.FILE).toEqual(['PROVINCE_ADMIN']);
  expect(contract.maxSaveRows).toBe(MAX_SAVE_ROWS);
  expect(contract.resources.map((r) => r.name)).toEqual(resources.map((r) => r.name));
  // every role reads its own account (the self place); only the province reads the others
  const user = contract.resources.find((r) => r.name === 'User')!;
  expect(user.readPlace).toEqual({ PROVINCE_ADMIN: 'province', CITY_ADMIN: 'self', SCHOOL_STAFF: 'self', ANALYST: 'self', SERVICE: 'self' });
  expect(user.selfPath).toBe('id');
  expect(contract.queries.cityRanking).toEqual({ reach: 'provinceWide', askers: ['PROVINCE_ADMIN', 'ANALYST', 'SERVICE'] });
  expect(contract.queries.me).toEqual({ reach: 'self', askers: contract.roles });
});

const base = { entity: City, plural: 'Things', labelZh: '测试', fields: [], search: [] };

test('a resource without a policy, or with one that cannot be enforced, stops the server from starting', () => {
  expect(() => defineResource({ ...base, name: 'NoPolicy' } as unknown as ResourceDef)).toThrow('resource NoPolicy declares no policy');
  expect(() => defineResource({ ...base, name: 'BadRole', policy: { write: ['KING' as Role] } } as unknown as ResourceDef)).toThrow('unknown role KING');
  // a city's rows are not a school's: staff would read the whole city
  expect(() => defineResource({ ...base, name: 'CityRows', policy: { write: [Role.PROVINCE_ADMIN], city: 'city' } } as unknown as ResourceDef)).toThrow(
    'leave SCHOOL_STAFF out of its readers',
  );
  // a self path limits the roles outside the readers: without readers every role would read every row
  expect(() => defineResource({ ...base, name: 'SelfRows', policy: { write: [Role.PROVINCE_ADMIN], self: 'id' } } as unknown as ResourceDef)).toThrow(
    'has a self path but no readers',
  );
});
