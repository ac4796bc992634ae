import { describe, expect, test } from 'vitest';
import { buildPayload, parseTsv, toTsv } from './payload';
import type { ColumnSpec, SheetRow } from './types';

describe('parseTsv: a block copied from Excel or WPS', () => {
  test('rows by newline (LF or CRLF), cells by tab, empty cells kept', () => {
    expect(parseTsv('a\tb\r\nc\t\n\td')).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['', 'd'],
    ]);
  });

  test('quoted cells may hold tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"line 1\nline 2"\t"say ""hi"""\n"a\tb"\tx')).toEqual([
      ['line 1\nline 2', 'say "hi"'],
      ['a\tb', 'x'],
    ]);
  });

  test('a quote inside a cell is plain text', () => {
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });

  test('toTsv writes what parseTsv reads back', () => {
    const rows = [
      ['杭州市', 'a\tb'],
      ['say "hi"', 'x\ny'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('buildPayload: the saveX rows for what is pending', () => {
  const columns: ColumnSpec[] = [
    { source: 'name', type: 'text' },
    { source: 'seats', type: 'int' },
    { source: 'status', type: 'enum', enum: 'PlanStatus', editable: false },
  ];
  const saved = (id: string, name: string, seats: number): SheetRow => ({
    key: id,
    id,
    version: 3,
    data: { name, seats, status: 'DRAFT' },
    original: { name, seats, status: 'DRAFT' },
  });

  test('changed cells of saved rows with their version, new rows whole, deleted rows by id; unchanged rows not at all', () => {
    const rows: SheetRow[] = [
      saved('1', 'a', 1),
      { ...saved('2', 'b', 2), data: { name: 'b', seats: 20, status: 'DRAFT' } },
      { ...saved('3', 'c', 3), deleted: true },
      { key: 'new-1', data: { name: 'd', seats: null } },
    ];
    expect(buildPayload(rows, columns)).toEqual({
      rows: [{ id: '2', version: 3, seats: 20 }, { id: '3', version: 3, delete: true }, { name: 'd' }],
      keys: ['2', '3', 'new-1'],
    });
  });
});
