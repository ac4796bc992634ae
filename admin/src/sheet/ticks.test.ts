import { describe, expect, test } from 'vitest';
import { headerBox, tickedAmong, tickedCount, tickOne, type AllTicked } from './ticks';
import type { SheetRow } from './types';

const saved = (id: number): SheetRow => ({ key: String(id), id: String(id), version: 1, data: { seats: id }, original: { seats: id } });

describe('ticking every row of the filtered set', () => {
  test('the count is every row of the sheet but those unticked since; without the header box, the rows ticked one by one', () => {
    const all: AllTicked = { except: new Set() };
    expect(tickedCount(all, 0, 1234)).toBe(1234);
    expect(tickedCount(tickOne(all, '7', false), 0, 1234)).toBe(1233);
    expect(tickedCount(tickOne(tickOne(all, '7', false), '7', true), 0, 1234)).toBe(1234);
    expect(tickedCount(undefined, 3, 1234)).toBe(3);
  });

  test('the header box is ticked when every row is, half-ticked when some are, empty when none or the sheet is empty', () => {
    expect(headerBox(1234, 1234)).toBe('all');
    expect(headerBox(1233, 1234)).toBe('some');
    expect(headerBox(0, 1234)).toBe('none');
    expect(headerBox(0, 0)).toBe('none');
  });

  test('the ticked rows are the filtered set in order as edited, then the rows added, less those unticked', () => {
    const edited = { ...saved(2), data: { seats: 20 } };
    const added: SheetRow = { key: 'new-1', data: { seats: 1 } };
    const rows = tickedAmong([saved(1), saved(2), saved(3)], [edited, added], tickOne({ except: new Set() }, '3', false));
    expect(rows).toEqual([saved(1), edited, added]);
  });
});
