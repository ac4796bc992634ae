import type { TestApp } from './test-app.js';

/** Rows built through the API, so fixtures obey the same checks as users. */
export interface Ids {
  [name: string]: string;
}

export async function cityId(t: TestApp, code: string): Promise<string> {
  const data = await t.ok<{ allCities: Array<{ id: string }> }>(`query($code: String) { allCities(filter: { code: $code }) { id } }`, { code });
  return data.allCities[0]!.id;
}

export async function majorId(t: TestApp, code: string): Promise<string> {
  const data = await t.ok<{ allMajors: Array<{ id: string }> }>(`query($code: String) { allMajors(filter: { code: $code }) { id } }`, { code });
  return data.allMajors[0]!.id;
}

export async function createSchool(t: TestApp, input: { name: string; cityCode: string; type?: string; provincial?: boolean }): Promise<string> {
  const data = await t.ok<{ createSchool: { id: string } }>(
    `mutation($name: String!, $type: SchoolType!, $cityId: ID!, $provincial: Boolean) {
      createSchool(name: $name, type: $type, cityId: $cityId, provincial: $provincial) { id }
    }`,
    { name: input.name, type: input.type ?? 'TECHNICIAN_COLLEGE', cityId: await cityId(t, input.cityCode), provincial: input.provincial ?? false },
  );
  return data.createSchool.id;
}

export async function createProgram(
  t: TestApp,
  input: { schoolId: string; majorCode: string; level?: string; entryBasis?: string; studyMode?: string; filedOn?: string | null },
): Promise<string> {
  const data = await t.ok<{ createProgram: { id: string } }>(
    `mutation($schoolId: ID!, $majorId: ID!, $level: Level!, $entryBasis: EntryBasis!, $studyMode: StudyMode, $filedOn: LocalDate) {
      createProgram(schoolId: $schoolId, majorId: $majorId, level: $level, entryBasis: $entryBasis, studyMode: $studyMode, filedOn: $filedOn) { id }
    }`,
    {
      schoolId: input.schoolId,
      majorId: await majorId(t, input.majorCode),
      level: input.level ?? 'INTERMEDIATE',
      entryBasis: input.entryBasis ?? 'JUNIOR_HIGH',
      studyMode: input.studyMode ?? 'FULL_TIME',
      filedOn: input.filedOn === undefined ? '2022-06-01' : input.filedOn,
    },
  );
  return data.createProgram.id;
}

export async function createPlan(t: TestApp, input: { programId: string; year: number; season?: string; seats: number }): Promise<string> {
  const data = await t.ok<{ createEnrollmentPlan: { id: string } }>(
    `mutation($programId: ID!, $year: Int!, $season: Season!, $seats: Int!) {
      createEnrollmentPlan(programId: $programId, year: $year, season: $season, seats: $seats) { id }
    }`,
    { programId: input.programId, year: input.year, season: input.season ?? 'AUTUMN', seats: input.seats },
  );
  return data.createEnrollmentPlan.id;
}

/**
 * Puts plan lines straight into FILED, as if they had gone through the workflow; tests of the
 * foundation use it to reach intakes without exercising the workflow they do not cover.
 */
export async function markFiled(t: TestApp, planIds: string[]): Promise<void> {
  const em = t.orm.em.fork();
  await em.getConnection().execute(`update enrollment_plan set status = 'FILED' where id in (${planIds.map(Number).join(',')})`);
}

export async function createIntake(
  t: TestApp,
  input: { planId: string; count: number; targetGroup?: string; originCode: string; registeredOn: string },
): Promise<string> {
  const data = await t.ok<{ createIntake: { id: string } }>(
    `mutation($planId: ID!, $count: Int!, $targetGroup: TargetGroup!, $originCode: String!, $registeredOn: LocalDate!) {
      createIntake(planId: $planId, count: $count, targetGroup: $targetGroup, originCode: $originCode, registeredOn: $registeredOn) { id }
    }`,
    { targetGroup: 'JUNIOR_HIGH_GRADUATE', ...input },
  );
  return data.createIntake.id;
}

/** First error of a response, for asserting codes, rules and fields. */
export function firstError(result: { errors?: Array<{ extensions: Record<string, any> }> }) {
  if (!result.errors?.length) throw new Error('expected an error, got none');
  return result.errors[0]!;
}

/** The version of a row as a client reads it before an update or delete (both need it). */
export async function versionOf(client: { ok: TestApp['ok'] }, type: string, id: string | number | undefined): Promise<number> {
  const data = await client.ok<Record<string, { version: number } | null>>(`query($id: ID!) { ${type}(id: $id) { version } }`, { id: String(id) });
  if (!data[type]) throw new Error(`no ${type} ${id} to read a version of`);
  return data[type]!.version;
}
