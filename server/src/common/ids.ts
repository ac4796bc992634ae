import { badInput } from './errors.js';

export function parseId(value: unknown, field = 'id'): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw badInput(field, `${field} 不是有效的编号：${String(value)}`, `${field} is not a valid id: ${String(value)}`);
  }
  return id;
}
