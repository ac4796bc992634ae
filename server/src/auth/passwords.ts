import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { badInput } from '../common/errors.js';

const COST = 10;

/** The stored hash of an account that has no password (a SERVICE account): not a bcrypt hash, so nothing matches it. */
export const NO_PASSWORD = '!';

export function assertStrongPassword(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw badInput('password', '密码至少 10 位，且须同时包含字母和数字', 'a password needs at least 10 characters with letters and digits');
  }
}

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

export const generatePassword = (): string => `${randomBytes(12).toString('base64url')}7a`;

let nobodysHash: Promise<string> | undefined;

/** A hash to check against when the username is unknown, so both failures take the same time. */
export const hashOfNobody = (): Promise<string> => (nobodysHash ??= hashPassword(generatePassword()));
