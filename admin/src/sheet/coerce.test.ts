import { describe, expect, test } from 'vitest';
import { i18nProvider } from '../i18n';
import { Lookups } from '../lookups';
import { coerce, parseDate, validate } from './coerce';
import type { ColumnSpec } from './types';
import { enumValues } from './useLookups';

const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
const ctx = { t, lookups: new Lookups(), enumValues };
const seats: ColumnSpec = { source: 'seats', type: 'int', required: true, min: 0, max: 100000 };

describe('coerce: what a person typed, pasted or imported, as the column’s value', () => {
  test('numbers with thousands separators (ASCII or full-width commas) and spaces', () => {
    expect(coerce(seats, '12,345', ctx)).toEqual({ value: 12345 });
    expect(coerce(seats, '1，200 ', ctx)).toEqual({ value: 1200 });
    expect(coerce(seats, 42, ctx)).toEqual({ value: 42 });
    expect(coerce({ source: 'rate', type: 'float' }, '3.5', ctx)).toEqual({ value: 3.5 });
  });

  test('a value out of range is kept as typed and marked with the reason, never dropped', () => {
    expect(coerce(seats, '999999', ctx)).toEqual({ value: '999999', error: t('ra.validation.maxValue', { max: 100000 }) });
    expect(coerce(seats, -1, ctx)).toEqual({ value: '-1', error: t('ra.validation.minValue', { min: 0 }) });
  });

  test('unreadable numbers keep their text with an error', () => {
    expect(coerce(seats, '十二', ctx)).toEqual({ value: '十二', error: '须为数字' });
    expect(coerce(seats, '1.5', ctx)).toEqual({ value: '1.5', error: '须为整数' });
  });

  test('empty input is an empty value', () => {
    expect(coerce(seats, '  ', ctx)).toEqual({ value: null });
    expect(coerce(seats, null, ctx)).toEqual({ value: null });
  });

  test('enum values from Chinese or English labels or their names', () => {
    const type: ColumnSpec = { source: 'type', type: 'enum', enum: 'SchoolType' };
    expect(coerce(type, '技工学校', ctx)).toEqual({ value: 'TECHNICAL_SCHOOL' });
    expect(coerce(type, 'technician_college', ctx)).toEqual({ value: 'TECHNICIAN_COLLEGE' });
    expect(coerce(type, '大学', ctx)).toEqual({ value: '大学', error: '无法识别的选项：大学' });
    const levels: ColumnSpec = { source: 'levels', type: 'enumList', enum: 'Level' };
    expect(coerce(levels, '中级工、高级工', ctx)).toEqual({ value: ['INTERMEDIATE', 'ADVANCED'] });
  });

  test('booleans as 是/否 and their English words', () => {
    const flag: ColumnSpec = { source: 'provincial', type: 'boolean' };
    expect(coerce(flag, '是', ctx)).toEqual({ value: true });
    expect(coerce(flag, 'No', ctx)).toEqual({ value: false });
    expect(coerce(flag, '也许', ctx).error).toBe('须为“是”或“否”');
  });

  test('dates as officials write them; impossible dates are refused', () => {
    expect(parseDate('2024年3月1日')).toBe('2024-03-01');
    expect(parseDate('2024/3/1')).toBe('2024-03-01');
    expect(parseDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(coerce({ source: 'on', type: 'date' }, '明天', ctx).error).toBe('须为日期（如 2024-03-31）');
  });

  test('validate: required, length and pattern as the server checks them', () => {
    expect(validate(seats, null, t)).toBe(t('ra.validation.required'));
    expect(validate({ source: 'name', type: 'text', maxLength: 3 }, '四个字符', t)).toBe(t('ra.validation.maxLength', { max: 3 }));
    const code: ColumnSpec = { source: 'code', type: 'text', pattern: { regex: /^\d{6}$/, message: 'validation.origin_code' } };
    expect(validate(code, '3301', t)).toBe('须为 6 位行政区划代码');
    expect(validate(code, '330100', t)).toBeUndefined();
  });
});
