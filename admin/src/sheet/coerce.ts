import { labelsIn } from '../i18n/labels';
import type { Lookups } from '../lookups';
import { parseStages } from './stages';
import type { ColumnSpec } from './types';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type Coerced = { value: unknown; error?: undefined } | { value: string; error: string };

/** Labels of an enum's values in the current language (`enums.<Enum>.<VALUE>`). */
export function enumLabel(t: Translate, enumName: string, value: string): string {
  return t(`enums.${enumName}.${value}`, { _: value });
}

function enumValue(t: Translate, enumName: string, values: string[], text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return values.find((v) => v.toLowerCase() === wanted || enumLabel(t, enumName, v).toLowerCase() === wanted);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Dates as officials type them: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, or an Excel Date. */
export function parseDate(input: unknown): string | undefined {
  if (input instanceof Date && !Number.isNaN(input.getTime())) {
    return `${input.getUTCFullYear()}-${pad(input.getUTCMonth() + 1)}-${pad(input.getUTCDate())}`;
  }
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(String(input));
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Turns what a person typed, pasted or imported into the column's value: numbers, dates, enum values
 * from Chinese or English labels, reference ids from names. A value that cannot be read keeps its text
 * and carries an error for the cell.
 */
export function coerce(column: ColumnSpec, input: unknown, ctx: { t: Translate; lookups: Lookups; enumValues: (name: string) => string[] }): Coerced {
  const { t } = ctx;
  if (input == null) return { value: null };
  if (typeof input !== 'string' && column.type !== 'date') {
    if (typeof input === 'number' && (column.type === 'int' || column.type === 'float')) return checked(column, input, t);
    if (typeof input === 'boolean' && column.type === 'boolean') return { value: input };
    if (Array.isArray(input) && (column.type === 'stages' || column.type === 'enumList')) return { value: input };
  }
  const text = String(input).trim();
  if (text === '') return { value: null };
  const bad = (key: string, options?: Record<string, unknown>): Coerced => ({ value: text, error: t(key, options) });
  switch (column.type) {
    case 'text':
      return checked(column, column.region ? (ctx.lookups.resolveRegion(text) ?? text) : text, t);
    case 'int':
    case 'float': {
      const number = Number(text.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(number)) return bad('sheet.errors.number');
      if (column.type === 'int' && !Number.isInteger(number)) return bad('sheet.errors.integer');
      return checked(column, number, t);
    }
    case 'date': {
      const date = parseDate(input);
      return date ? { value: date } : bad('sheet.errors.date');
    }
    case 'boolean': {
      const yes = ['是', 'true', 'yes', 'y', '1', '√', t('ra.boolean.true').toLowerCase()];
      const no = ['否', 'false', 'no', 'n', '0', '×', t('ra.boolean.false').toLowerCase()];
      if (yes.includes(text.toLowerCase())) return { value: true };
      if (no.includes(text.toLowerCase())) return { value: false };
      return bad('sheet.errors.boolean');
    }
    case 'enum': {
      const value = enumValue(t, column.enum!, ctx.enumValues(column.enum!), text);
      return value ? { value } : bad('sheet.errors.enum', { value: text });
    }
    case 'enumList': {
      const parts = text
        .split(/[,，、;；]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const values = parts.map((p) => enumValue(t, column.enum!, ctx.enumValues(column.enum!), p));
      const unknown = parts.filter((_, i) => !values[i]);
      return unknown.length ? bad('sheet.errors.enum', { value: unknown.join('、') }) : { value: values };
    }
    case 'stages': {
      const stages = parseStages(text, t, labelsIn);
      return stages ? { value: stages } : bad('sheet.errors.stages');
    }
    case 'reference': {
      const id = ctx.lookups.resolve(column.reference!, text);
      if (id === null) return bad('sheet.errors.ambiguous', { value: text });
      return id ? { value: id } : bad('sheet.errors.reference', { value: text });
    }
  }
}

/** The server's field rules (required, min, max, maxLength, pattern) checked before anything is sent. */
export function validate(column: ColumnSpec, value: unknown, t: Translate): string | undefined {
  const empty = value == null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return column.required ? t('ra.validation.required') : undefined;
  if (typeof value === 'number') {
    if (column.min !== undefined && value < column.min) return t('ra.validation.minValue', { min: column.min });
    if (column.max !== undefined && value > column.max) return t('ra.validation.maxValue', { max: column.max });
  }
  if (typeof value === 'string') {
    if (column.maxLength !== undefined && value.length > column.maxLength) return t('ra.validation.maxLength', { max: column.maxLength });
    if (column.pattern && !column.pattern.regex.test(value)) return t(column.pattern.message);
  }
  return undefined;
}

function checked(column: ColumnSpec, value: string | number, t: Translate): Coerced {
  const error = validate(column, value, t);
  return error ? { value: String(value), error } : { value };
}
