/** The province admin every test database starts with (the first user, so its id is 1). */
export const TEST_ADMIN = { username: 'root', password: 'Test-password-2023' };
export const TEST_ADMIN_ID = 1;
export const TEST_JWT_SECRET = 'test-secret-for-signing-tokens-in-the-suite-only';
/** Keys of personal data for servers started as production (PERSONAL_DATA_KEY, PERSONAL_DATA_HMAC_KEY). */
export const TEST_PERSONAL_DATA_KEYS = { PERSONAL_DATA_KEY: `test:${'ab'.repeat(32)}`, PERSONAL_DATA_HMAC_KEY: 'cd'.repeat(32) };
