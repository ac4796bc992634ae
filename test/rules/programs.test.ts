import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createProgram, createSchool, firstError, majorId, versionOf } from '../helpers/fixtures.js';
import { readEnv } from '../../server/src/env.js';
import { durationTable } from '../../server/src/modules/program/durations.js';
import { count, lineAt } from './rule-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const CREATE = `mutation($schoolId: ID!, $majorId: ID!, $level: Level!, $entryBasis: EntryBasis!, $durationYears: Int) {
  createProgram(schoolId: $schoolId, majorId: $majorId, level: $level, entryBasis: $entryBasis, durationYears: $durationYears) { id level durationYears }
}`;

describe('R3 level vs school type', () => {
  const program = async (type: string, level: string) => {
    const schoolId = await createSchool(t, { name: `R3 ${type} ${level}`, cityCode: '330200', type });
    const result = await t.gql(CREATE, { schoolId, majorId: await majorId(t, '0101'), level, entryBasis: 'JUNIOR_HIGH' });
    return { result, written: await count(t, 'Program', 'Programs', { schoolId }) };
  };

  test.each([
    ['TECHNICAL_SCHOOL', 'INTERMEDIATE'],
    ['SENIOR_TECHNICAL_SCHOOL', 'INTERMEDIATE'],
    ['SENIOR_TECHNICAL_SCHOOL', 'ADVANCED'],
    ['TECHNICIAN_COLLEGE', 'ADVANCED'],
    ['TECHNICIAN_COLLEGE', 'PREPARATORY_TECHNICIAN'],
  ])('a %s may teach %s', async (type, level) => {
    const { result, written } = await program(type, level);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createProgram.level).toBe(level);
    expect(written).toBe(1);
  });

  test.each([
    ['TECHNICAL_SCHOOL', 'ADVANCED'],
    ['TECHNICAL_SCHOOL', 'PREPARATORY_TECHNICIAN'],
    ['SENIOR_TECHNICAL_SCHOOL', 'PREPARATORY_TECHNICIAN'],
  ])('a %s may not teach %s, and nothing is written', async (type, level) => {
    const { result, written } = await program(type, level);
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R3', field: 'level' });
    expect(error.extensions.messageZh).toContain('不能开设');
    expect(error.extensions.messageEn).toContain(`may not teach ${level}`);
    expect(written).toBe(0);
  });

  test('a bulk save names the failing row and writes none', async () => {
    const schoolId = await createSchool(t, { name: 'R3 bulk 技工学校', cityCode: '330200', type: 'TECHNICAL_SCHOOL' });
    const major = await majorId(t, '0102');
    const result = await t.gql(`mutation($rows: [ProgramSaveRow!]!) { savePrograms(rows: $rows) { id } }`, {
      rows: [
        { schoolId, majorId: major, level: 'INTERMEDIATE', entryBasis: 'JUNIOR_HIGH' },
        { schoolId, majorId: major, level: 'ADVANCED', entryBasis: 'JUNIOR_HIGH' },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([
      { index: 1, code: 'RULE_VIOLATION', rule: 'R3', field: 'level', message: expect.stringContaining('技工学校不能开设高级工层次') },
    ]);
    expect(await count(t, 'Program', 'Programs', { schoolId })).toBe(0);
  });

  test('an update to a level the school may not teach is refused and leaves the row as it was', async () => {
    const schoolId = await createSchool(t, { name: 'R3 update 技工学校', cityCode: '330200', type: 'TECHNICAL_SCHOOL' });
    const programId = await createProgram(t, { schoolId, majorCode: '0103' });
    const result = await t.gql(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, level: ADVANCED) { id } }`, {
      id: programId,
      v: await versionOf(t, 'Program', programId),
    });
    expect(firstError(result).extensions).toMatchObject({ rule: 'R3', field: 'level' });
    const row = await t.ok(`query($id: ID!) { Program(id: $id) { level durationYears version } }`, { id: programId });
    expect(row.Program).toEqual({ level: 'INTERMEDIATE', durationYears: 3, version: 1 });
  });

  test('a school cannot change to a type that forbids levels it teaches', async () => {
    const schoolId = await createSchool(t, { name: 'R3 type change 技师学院', cityCode: '330200', type: 'TECHNICIAN_COLLEGE' });
    await createProgram(t, { schoolId, majorCode: '0101', level: 'ADVANCED' });
    const refused = await t.gql(`mutation($id: ID!, $v: Int!) { updateSchool(id: $id, version: $v, type: TECHNICAL_SCHOOL) { type } }`, {
      id: schoolId,
      v: await versionOf(t, 'School', schoolId),
    });
    expect(firstError(refused).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R3', field: 'type' });
    const allowed = await t.ok(`mutation($id: ID!, $v: Int!) { updateSchool(id: $id, version: $v, type: SENIOR_TECHNICAL_SCHOOL) { type } }`, {
      id: schoolId,
      v: await versionOf(t, 'School', schoolId),
    });
    expect(allowed.updateSchool.type).toBe('SENIOR_TECHNICAL_SCHOOL');
  });
});

describe('durations by level and entry basis', () => {
  test('an omitted duration comes from the table; a different one is refused; a new level takes its own', async () => {
    const schoolId = await createSchool(t, { name: '学制 技师学院', cityCode: '330300' });
    const major = await majorId(t, '0104');
    const made = await t.ok(CREATE, { schoolId, majorId: major, level: 'ADVANCED', entryBasis: 'JUNIOR_HIGH' });
    expect(made.createProgram.durationYears).toBe(5);
    const wrong = await t.gql(CREATE, { schoolId, majorId: major, level: 'ADVANCED', entryBasis: 'SENIOR_HIGH', durationYears: 4 });
    expect(firstError(wrong).extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DURATION', field: 'durationYears', standardYears: 3 });
    const moved = await t.ok(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, level: PREPARATORY_TECHNICIAN) { durationYears } }`, {
      id: made.createProgram.id,
      v: await versionOf(t, 'Program', made.createProgram.id),
    });
    expect(moved.updateProgram.durationYears).toBe(6);
  });

  test('PROGRAM_DURATIONS overrides entries of the built-in table and is validated', () => {
    const overrides = readEnv({ PROGRAM_DURATIONS: '{"SENIOR_HIGH":{"ADVANCED":4}}' }).programDurations;
    const table = durationTable(overrides);
    expect(table.SENIOR_HIGH).toEqual({ INTERMEDIATE: 2, ADVANCED: 4, PREPARATORY_TECHNICIAN: 4 });
    expect(table.JUNIOR_HIGH).toEqual({ INTERMEDIATE: 3, ADVANCED: 5, PREPARATORY_TECHNICIAN: 6 });
    expect(() => readEnv({ PROGRAM_DURATIONS: '{"EVENING":{"ADVANCED":4}}' })).toThrow('unknown entry basis EVENING');
    expect(() => readEnv({ PROGRAM_DURATIONS: '{"SENIOR_HIGH":{"ADVANCED":0}}' })).toThrow('whole years from 1 to 6');
    expect(() => readEnv({ PROGRAM_DURATIONS: 'three' })).toThrow('must be JSON');
  });
});

describe('a program under approved plan lines', () => {
  test('cannot be un-filed or moved to another level; a draft-only program can', async () => {
    const { programId } = await lineAt(t, 'APPROVED');
    const unfile = await t.gql(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, filedOn: null) { id } }`, {
      id: programId,
      v: await versionOf(t, 'Program', programId),
    });
    expect(firstError(unfile).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'filedOn' });
    const draft = await lineAt(t, 'DRAFT');
    const ok = await t.ok(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, filedOn: null) { filedOn } }`, {
      id: draft.programId,
      v: await versionOf(t, 'Program', draft.programId),
    });
    expect(ok.updateProgram.filedOn).toBeNull();
  });
});
