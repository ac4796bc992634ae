/** The province admin every test database starts with (the first user, so its id is 1). */
export const TEST_ADMIN = { username: 'root', password: 'Test-password-2023' };
export const TEST_ADMIN_ID = 1;
export const TEST_JWT_SECRET = 'test-secret-for-signing-tokens-in-the-suite-only';
