import type { TestApp } from './test-app.js';

export const PASSWORD = 'Campaign-2023-pass';

/** Creates a user through the API (as the province admin) and returns its id. */
export async function createUser(
  t: TestApp,
  input: { username: string; role: string; cityId?: string; schoolId?: string; password?: string },
): Promise<number> {
  const data = await t.ok<{ createUser: { id: string } }>(
    `mutation($username: String!, $role: Role!, $cityId: ID, $schoolId: ID, $password: String) {
      createUser(username: $username, role: $role, cityId: $cityId, schoolId: $schoolId, password: $password) { id }
    }`,
    // a service account has no password: it signs in only with a token issued for it
    { password: input.role === 'SERVICE' ? null : PASSWORD, ...input },
  );
  return Number(data.createUser.id);
}
