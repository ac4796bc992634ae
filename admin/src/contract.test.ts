import { describe, expect, test } from 'vitest';
import { canRead, canTakeStep, canWrite, type Permissions } from './auth/permissions';
import { contract, limitsFrom, mayAsk, readPlaceOf, withServerLimits, type Contract } from './contract';

const as = (role: Permissions['role']): Permissions => ({ role, cityId: '1', schoolId: role === 'SCHOOL_STAFF' ? '1' : null });

describe('permissions come from the server\u2019s contract (schema/resources.json)', () => {
  test('who writes and reads', () => {
    expect(canWrite(as('CITY_ADMIN'), 'Company')).toBe(true);
    expect(canWrite(as('SCHOOL_STAFF'), 'Company')).toBe(false);
    expect(canWrite(as('SCHOOL_STAFF'), 'EnrollmentPlan')).toBe(true);
    expect(canWrite(as('ANALYST'), 'School')).toBe(false);
    expect(canWrite(as('PROVINCE_ADMIN'), 'AuditEntry')).toBe(false);
    expect(canRead(as('SCHOOL_STAFF'), 'Incentive')).toBe(false);
    // every role reads its own account (the server's self place), but only the province has a sheet of users
    expect(canRead(as('CITY_ADMIN'), 'User')).toBe(false);
    expect(readPlaceOf('User', 'CITY_ADMIN')).toBe('self');
    expect(readPlaceOf('User', 'PROVINCE_ADMIN')).toBe('province');
    expect(canRead(as('ANALYST'), 'School')).toBe(true);
    expect(canWrite(undefined, 'School')).toBe(false);
  });

  test('who takes the workflow steps', () => {
    expect(canTakeStep(as('SCHOOL_STAFF'), 'submit')).toBe(true);
    expect(canTakeStep(as('CITY_ADMIN'), 'approve')).toBe(true);
    expect(canTakeStep(as('CITY_ADMIN'), 'file')).toBe(false);
    expect(canTakeStep(as('PROVINCE_ADMIN'), 'file')).toBe(true);
  });

  test('who may ask the queries beside the resources (the duplicate report, the in-school figures)', () => {
    expect(mayAsk('duplicateStudents', 'PROVINCE_ADMIN')).toBe(true);
    for (const role of ['CITY_ADMIN', 'SCHOOL_STAFF', 'ANALYST', 'SERVICE'] as const) expect(mayAsk('duplicateStudents', role)).toBe(false);
    for (const role of ['PROVINCE_ADMIN', 'CITY_ADMIN', 'SCHOOL_STAFF', 'ANALYST', 'SERVICE'] as const) expect(mayAsk('studentPopulation', role)).toBe(true);
    expect(mayAsk('studentPopulation', undefined)).toBe(false);
    expect(mayAsk('noSuchQuery', 'PROVINCE_ADMIN')).toBe(false);
  });
});

describe('a column takes its limits from the server’s contract; its file holds only presentation', () => {
  test('the limits of the resource description', () => {
    const [year, seats, code, free] = [
      ...withServerLimits('EnrollmentPlan', [
        { source: 'year', type: 'int' },
        { source: 'seats', type: 'int' },
      ]),
      ...withServerLimits('City', [{ source: 'code', type: 'text', patternMessage: 'validation.city_code' }]),
      ...withServerLimits('EnrollmentPlan', [{ source: 'notAField', type: 'text', width: 80 }]),
    ];
    expect(year).toMatchObject({ required: true, min: 2023, max: 2027 });
    expect(seats).toMatchObject({ required: true, min: 0, max: 100000 });
    expect(code!.pattern!.message).toBe('validation.city_code');
    expect(code!.pattern!.regex.test('330100')).toBe(true);
    expect(code!.pattern!.regex.test('110100')).toBe(false);
    expect(free).toEqual({ source: 'notAField', type: 'text', width: 80 });
  });

  test('a limit changed in a resource description reaches the columns', () => {
    const changed = structuredClone(contract) as Contract;
    const seats = changed.resources.find((r) => r.name === 'EnrollmentPlan')!.fields.find((f) => f.name === 'seats')!;
    Object.assign(seats, { required: false, min: 5, max: 123 });
    const before = withServerLimits('EnrollmentPlan', [{ source: 'seats', type: 'int' }])[0]!;
    const after = limitsFrom(changed, 'EnrollmentPlan', [{ source: 'seats', type: 'int' }])[0]!;
    expect(after).toMatchObject({ required: false, min: 5, max: 123 });
    expect(before).not.toMatchObject({ min: 5, max: 123 });
  });

  test('every field of every resource in the contract: its column carries exactly the contract’s limits', () => {
    for (const resource of contract.resources) {
      const columns = limitsFrom(
        contract,
        resource.name,
        resource.fields.map((f) => ({ source: f.name, type: 'text' as const })),
      );
      for (const [i, field] of resource.fields.entries()) {
        expect(columns[i]).toMatchObject({ required: field.required ?? false, min: field.min, max: field.max, maxLength: field.maxLength });
        expect(columns[i]!.pattern?.regex.source).toBe(field.pattern ? new RegExp(field.pattern).source : undefined);
      }
    }
  });
});
