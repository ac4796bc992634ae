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
  const rows = [row('1', 5, 5), row('2', 10, 10), { ...row('3', 100, 100), deleted: true }];

  test('sums the rows as edited when every row of the filtered set is loaded', () => {
    expect(totalsRow(rows, columns, { count: 3 }, true, t)).toEqual([{ key: '__totals', data: { name: '合计', seats: 15 } }]);
  });

  test('says it sums the loaded rows only when the server has more, unless the server gives the sums', () => {
    expect(totalsRow(rows, columns, { count: 10399 }, false, t)![0]!.data).toEqual({ name: '已载入行合计', seats: 15 });
    expect(totalsRow(rows, columns, { count: 10399, sums: { seats: 374665 } }, false, t)![0]!.data).toEqual({ name: '合计', seats: 374665 });
  });

  test('no totals row without summed columns', () => {
    expect(totalsRow(rows, [columns[0]!], undefined, true, t)).toBeUndefined();
  });
});
