import { describe, expect, test } from 'vitest';
import { i18nProvider } from '../i18n';
import { Lookups } from '../lookups';
import { conflictCells } from './conflict';
import { totalsRow } from './totals';
import type { ColumnSpec, SheetRow } from './types';

const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
const ctx = { t, lookups: new Lookups() };
const columns: ColumnSpec[] = [
  { source: 'name', type: 'text' },
  { source: 'seats', type: 'int', total: true },
];
const row = (id: string, seats: number, was: number): SheetRow => ({
  key: id,
  id,
  version: 1,
  data: { name: `n${id}`, seats },
  original: { name: `n${id}`, seats: was },
});

describe('the conflict dialog’s cells', () => {
  test('each changed cell of a conflicting row, with its row number, beside the value saved meanwhile', () => {
    const rows = [row('1', 5, 5), row('2', 12000, 10), { ...row('3', 7, 7), deleted: true }];
    const saved = new Map([
      ['2', { id: '2', name: 'n2', seats: 30 }],
      ['3', { id: '3', name: 'n3', seats: 8 }],
    ]);
    expect(conflictCells(rows, new Set(['2', '3']), saved, columns, ctx)).toEqual([
      { row: 2, source: 'seats', mine: '12,000', theirs: '30' },
      { row: 3, source: 'name', mine: '（删除）', theirs: 'n3' },
    ]);
  });
});

describe('the totals row', () => {
  const touched = [row('1', 5, 5), row('2', 12, 10), { ...row('3', 100, 100), deleted: true }, { key: 'new-1', data: { name: 'x', seats: 7 } }];

  test('the server’s sums of the whole filtered set as saved', () => {
    expect(totalsRow([], columns, { count: 10399, sums: { seats: 374665 } }, t)).toEqual([{ key: '__totals', data: { name: '合计', seats: 374665 } }]);
  });

  test('moved by the unsaved rows: an edit by its difference, a deleted row out, a new row in', () => {
    expect(totalsRow(touched, columns, { count: 10399, sums: { seats: 374665 } }, t)![0]!.data.seats).toBe(374665 + 2 - 100 + 7);
  });

  test('empty until the server has answered; no totals row without summed columns', () => {
    expect(totalsRow(touched, columns, undefined, t)![0]!.data.seats).toBeNull();
    expect(totalsRow(touched, [columns[0]!], undefined, t)).toBeUndefined();
  });
});
