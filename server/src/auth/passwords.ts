import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { AppError } from '../common/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const COST = 10;

/** The stored hash of an account that has no password (a SERVICE account): not a bcrypt hash, so nothing matches it. */
export const NO_PASSWORD = '!';

export const MIN_PASSWORD_CHARACTERS = 10;
/** bcrypt reads only the first 72 bytes; a longer password would let any tail sign in. */
export const MAX_PASSWORD_BYTES = 72;

const weak = (zh: string, en: string) => new AppError({ code: 'BAD_USER_INPUT', rule: 'PASSWORD', field: 'password', zh, en });

/** A password is taken exactly as typed (never trimmed): 10+ characters, at most 72 bytes of UTF-8, not a common one. */
export function assertStrongPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_CHARACTERS) {
    throw weak(`密码至少 ${MIN_PASSWORD_CHARACTERS} 个字符`, `a password needs at least ${MIN_PASSWORD_CHARACTERS} characters`);
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw weak(`密码最多 ${MAX_PASSWORD_BYTES} 字节（UTF-8，约 24 个汉字）`, `a password may have at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`);
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    throw weak('该密码过于常见，容易被猜中，请换一个', 'this password is too common and easily guessed; choose another');
  }
}

/** Whether a password could be one the policy accepted: longer ones are refused without hashing them. */
export const mayBePassword = (password: string): boolean => Buffer.byteLength(password, 'utf8') <= MAX_PASSWORD_BYTES;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

export const generatePassword = (): string => `${randomBytes(12).toString('base64url')}7a`;

let nobodysHash: Promise<string> | undefined;

/** A hash to check against when the username is unknown, so both failures take the same time. */
export const hashOfNobody = (): Promise<string> => (nobodysHash ??= hashPassword(generatePassword()));
