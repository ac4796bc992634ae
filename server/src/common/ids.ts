import { badInput } from './errors.js';

/** Ids are 32-bit integer columns on both databases; a larger number is no id (PostgreSQL would fail on it). */
export const MAX_ID = 2 ** 31 - 1;

export function parseId(value: unknown, field = 'id'): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) {
    throw badInput(field, `${field} 不是有效的编号：${String(value)}`, `${field} is not a valid id: ${String(value)}`);
  }
  return id;
}
