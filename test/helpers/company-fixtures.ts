import type { TestApp } from './test-app.js';
import { mutationFor } from './operations.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The GB 32100 check character found the other way round from the server: the one character whose
 * value makes Σ value(cᵢ)·3ⁱ over all 18 positions a multiple of 31.
 */
export function checkCharacter(first17: string): string {
  let weighted = 0;
  let weight = 1;
  for (const ch of first17) {
    weighted += CHARSET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  const found = [...CHARSET].find((candidate) => (weighted + CHARSET.indexOf(candidate)) % 31 === 0);
  return found!;
}

/** A well-formed code for a company registered in a Zhejiang city: 91 + area + 9-character organisation code. */
export function creditCode(cityCode: string, serial: number): string {
  const first17 = `91${cityCode}${String(serial).padStart(8, '0')}X`;
  return first17 + checkCharacter(first17);
}

/** The same code with its check character replaced by a wrong one. */
export function withWrongCheck(code: string): string {
  const wrong = [...CHARSET].find((c) => c !== code[17])!;
  return code.slice(0, 17) + wrong;
}

export async function create<T = Record<string, any>>(t: TestApp, mutation: string, args: Record<string, unknown>, selection = 'id'): Promise<T> {
  const data = await t.ok<Record<string, T>>(await mutationFor(t, mutation, args, selection), args);
  return data[mutation]!;
}

export async function createCompany(
  t: TestApp,
  args: { name: string; creditCode: string; cityId: string; industry?: string; shortName?: string },
): Promise<string> {
  return (await create<{ id: string }>(t, 'createCompany', { industry: 'HIGH_END_EQUIPMENT', ...args })).id;
}

export async function createPartnership(t: TestApp, args: { schoolId: string; companyId: string; kind?: string; startsOn?: string }): Promise<string> {
  return (await create<{ id: string }>(t, 'createPartnership', { kind: 'ORDER_CLASS', startsOn: '2024-03-01', ...args })).id;
}

/** Number of rows of a resource (`Company`, `Companies`), read through the API. */
export async function countOf(t: TestApp, name: string, plural: string, filter: Record<string, unknown> = {}): Promise<number> {
  const data = await t.ok<Record<string, { count: number }>>(`query($filter: ${name}Filter) { _all${plural}Meta(filter: $filter) { count } }`, { filter });
  return data[`_all${plural}Meta`]!.count;
}
