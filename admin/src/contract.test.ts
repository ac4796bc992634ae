import { describe, expect, test } from 'vitest';
import { canRead, canTakeStep, canWrite, type Permissions } from './auth/permissions';
import { withServerLimits } from './contract';

const as = (role: Permissions['role']): Permissions => ({ role, cityId: '1', schoolId: role === 'SCHOOL_STAFF' ? '1' : null });

describe('permissions come from the server\u2019s contract (schema/resources.json)', () => {
  test('who writes and reads', () => {
    expect(canWrite(as('CITY_ADMIN'), 'Company')).toBe(true);
    expect(canWrite(as('SCHOOL_STAFF'), 'Company')).toBe(false);
    expect(canWrite(as('SCHOOL_STAFF'), 'EnrollmentPlan')).toBe(true);
    expect(canWrite(as('ANALYST'), 'School')).toBe(false);
    expect(canWrite(as('PROVINCE_ADMIN'), 'AuditEntry')).toBe(false);
    expect(canRead(as('SCHOOL_STAFF'), 'Incentive')).toBe(false);
    expect(canRead(as('CITY_ADMIN'), 'User')).toBe(false);
    expect(canRead(as('ANALYST'), 'School')).toBe(true);
    expect(canWrite(undefined, 'School')).toBe(false);
  });

  test('who takes the workflow steps', () => {
    expect(canTakeStep(as('SCHOOL_STAFF'), 'submit')).toBe(true);
    expect(canTakeStep(as('CITY_ADMIN'), 'approve')).toBe(true);
    expect(canTakeStep(as('CITY_ADMIN'), 'file')).toBe(false);
    expect(canTakeStep(as('PROVINCE_ADMIN'), 'file')).toBe(true);
  });
});

test('a column takes the limits the server enforces, whatever it says itself', () => {
  const [year, seats, free] = withServerLimits('EnrollmentPlan', [
    { source: 'year', type: 'int', min: 2000, max: 2100 },
    { source: 'seats', type: 'int' },
    { source: 'notAField', type: 'text', maxLength: 3 },
  ]);
  expect(year).toMatchObject({ required: true, min: 2023, max: 2027 });
  expect(seats).toMatchObject({ required: true, min: 0, max: 100000 });
  expect(free).toEqual({ source: 'notAField', type: 'text', maxLength: 3 });
});
