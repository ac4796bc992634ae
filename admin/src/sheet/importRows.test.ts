import { describe, expect, test } from 'vitest';
import { i18nProvider } from '../i18n';
import { labelsIn } from '../i18n/labels';
import { Lookups } from '../lookups';
import { importPayload, planImport } from './importRows';
import type { ColumnSpec } from './types';
import { enumValues } from './useLookups';

const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
const ctx = { t, lookups: new Lookups(), enumValues, labelsIn };
const columns: ColumnSpec[] = [
  { source: 'code', type: 'text', required: true },
  { source: 'name', type: 'text', required: true },
  { source: 'levels', type: 'enumList', enum: 'Level' },
];
const existing = [
  { id: '7', version: 2, code: '0104', name: '数控加工', levels: ['INTERMEDIATE'] },
  { id: '8', version: 5, code: '0105', name: '模具制造', levels: ['ADVANCED'] },
];

describe('import: lines matched to saved rows by the natural key', () => {
  const table = [
    ['专业代码', '专业名称', '可开设层次'],
    ['0104', '数控加工', '中级工'],
    ['0105', '模具制造技术', '高级工'],
    ['0201', '电气自动化', '高级工、预备技师（技师）'],
  ];

  test('a known key updates its row, an unknown one creates, an identical line changes nothing', () => {
    const plan = planImport(table, columns, 'Major', ctx, {}, { naturalKey: ['code'], existing });
    expect(plan.counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(importPayload(plan).rows).toEqual([
      { id: '8', version: 5, code: '0105', name: '模具制造技术', levels: ['ADVANCED'] },
      { code: '0201', name: '电气自动化', levels: ['ADVANCED', 'PREPARATORY_TECHNICIAN'] },
    ]);
  });

  test('keys compare without case or surrounding spaces', () => {
    const plan = planImport(
      [
        ['code', 'name'],
        [' 0104 ', '数控加工'],
      ],
      columns,
      'Major',
      ctx,
      {},
      { naturalKey: ['code'], existing },
    );
    expect(plan.rows[0]!.match).toEqual({ id: '7', version: 2 });
  });

  test('without a declared key, or when the file lacks a key column, every line creates', () => {
    expect(planImport(table, columns, 'Major', ctx).counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(planImport([['专业名称'], ['数控加工']], columns, 'Major', ctx, {}, { naturalKey: ['code'], existing }).counts.created).toBe(1);
  });
});
