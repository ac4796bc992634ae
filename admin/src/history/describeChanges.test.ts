import { expect, test } from 'vitest';
import { i18nProvider } from '../i18n';
import { Lookups } from '../lookups';
import { school } from '../resources/school';
import { describeChanges } from './describeChanges';

const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

test('an audit entry reads with field labels and values as people write them', () => {
  const lines = describeChanges(
    {
      id: '1',
      action: 'UPDATE',
      actorName: 'admin',
      createdAt: '2026-11-29T03:00:00Z',
      changes: { ownership: ['PUBLIC', 'PRIVATE'], provincial: [false, true], name: ['甲', '乙'], shortCode: [null, 'X1'] },
    },
    'School',
    school.columns,
    { t, lookups: new Lookups() },
  );
  expect(lines).toEqual([
    { field: 'ownership', label: '办学性质', before: '公办', after: '民办' },
    { field: 'provincial', label: '省属', before: '否', after: '是' },
    { field: 'name', label: '学校名称', before: '甲', after: '乙' },
    { field: 'shortCode', label: 'shortCode', before: '（空）', after: 'X1' },
  ]);
});
