import type { TestApp } from '../../helpers/test-app.js';

export interface Campus {
  cityIds: Record<string, string>;
  schools: { hangzhou: string; ningbo: string };
  programs: { hangzhouLathe: string; hangzhouWelding: string; ningboLathe: string };
}

/** Two schools (杭州, 宁波) and three programs, created through the API. */
export async function createCampus(t: TestApp): Promise<Campus> {
  const { allCities } = await t.ok<{ allCities: Array<{ id: string; code: string }> }>('{ allCities { id code } }');
  const cityIds = Object.fromEntries(allCities.map((c) => [c.code, c.id]));
  const { allMajors } = await t.ok<{ allMajors: Array<{ id: string; code: string }> }>('{ allMajors(perPage: 1000) { id code } }');
  const majorId = (code: string) => allMajors.find((m) => m.code === code)!.id;
  const school = async (name: string, cityCode: string) =>
    (
      await t.ok<{ createSchool: { id: string } }>(
        `mutation ($name: String!, $cityId: ID!) { createSchool(name: $name, type: TECHNICIAN_COLLEGE, cityId: $cityId, ownership: PUBLIC) { id } }`,
        { name, cityId: cityIds[cityCode] },
      )
    ).createSchool.id;
  const program = async (schoolId: string, majorCode: string) =>
    (
      await t.ok<{ createProgram: { id: string } }>(
        `mutation ($schoolId: ID!, $majorId: ID!) { createProgram(schoolId: $schoolId, majorId: $majorId, level: INTERMEDIATE, entryBasis: JUNIOR_HIGH) { id } }`,
        { schoolId, majorId: majorId(majorCode) },
      )
    ).createProgram.id;

  const hangzhou = await school('杭州第一技师学院', '330100');
  const ningbo = await school('宁波第一技师学院', '330200');
  return {
    cityIds,
    schools: { hangzhou, ningbo },
    programs: {
      hangzhouLathe: await program(hangzhou, '0101'),
      hangzhouWelding: await program(hangzhou, '0110'),
      ningboLathe: await program(ningbo, '0101'),
    },
  };
}
