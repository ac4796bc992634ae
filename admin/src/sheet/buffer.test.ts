import { describe, expect, test } from 'vitest';
import { applyChanges, emptyBuffer, fromRecords, markProblems, newRow, pendingCount, redo, rowsOf, toggleDeleted, undo, withRows } from './buffer';
import type { ColumnSpec } from './types';

const columns: ColumnSpec[] = [
  { source: 'name', type: 'text' },
  { source: 'seats', type: 'int' },
];
const start = () =>
  fromRecords(
    [
      { id: 1, version: 1, name: 'a', seats: 10 },
      { id: 2, version: 1, name: 'b', seats: 20 },
    ],
    columns,
  );

describe('the undo/redo buffer', () => {
  test('each change is one undoable step; undo and redo walk back and forth', () => {
    const one = applyChanges(start(), [{ key: '1', source: 'seats', value: 11 }]);
    const two = applyChanges(one, [
      { key: '1', source: 'seats', value: 12 },
      { key: '2', source: 'name', value: 'B' },
    ]);
    expect(pendingCount(two, columns)).toBe(2);
    const back = undo(two);
    expect(back.rows[0]!.data.seats).toBe(11);
    expect(back.rows[1]!.data.name).toBe('b');
    expect(undo(back).rows[0]!.data.seats).toBe(10);
    expect(pendingCount(undo(back), columns)).toBe(0);
    expect(redo(back).rows).toEqual(two.rows);
  });

  test('a new change after an undo drops the redo stack; undo at the start changes nothing', () => {
    const changed = undo(applyChanges(start(), [{ key: '1', source: 'seats', value: 11 }]));
    expect(changed.future).toHaveLength(1);
    expect(applyChanges(changed, [{ key: '2', source: 'seats', value: 21 }]).future).toHaveLength(0);
    const fresh = start();
    expect(undo(fresh)).toBe(fresh);
    expect(redo(fresh)).toBe(fresh);
  });

  test('a change carries its cell error; fixing the cell clears it', () => {
    const bad = applyChanges(start(), [{ key: '1', source: 'seats', value: 'x', error: '须为数字' }]);
    expect(bad.rows[0]!.cellErrors).toEqual({ seats: '须为数字' });
    expect(applyChanges(bad, [{ key: '1', source: 'seats', value: 5 }]).rows[0]!.cellErrors).toEqual({});
  });

  test('deleting marks saved rows (again unmarks them) and removes new ones; both undoable', () => {
    const added = newRow({ seats: 0 });
    const withNew = applyChanges(start(), [], [added]);
    const deleted = toggleDeleted(withNew, new Set(['1', added.key]));
    expect(deleted.rows.map((r) => [r.key, r.deleted ?? false])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    expect(toggleDeleted(deleted, new Set(['1'])).rows[0]!.deleted).toBe(false);
    expect(undo(deleted).rows).toHaveLength(3);
  });

  test('deleting a mix of marked and unmarked rows marks them all; rows not in the buffer yet are taken in', () => {
    const one = toggleDeleted(start(), new Set(['1']));
    const far = rowsOf([{ id: 3, version: 1, name: 'c', seats: 30 }], columns);
    const all = toggleDeleted(one, new Set(['1', '2', '3']), far);
    expect(all.rows.map((r) => [r.key, r.deleted])).toEqual([
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    expect(toggleDeleted(all, new Set(['1', '2', '3'])).rows.every((r) => !r.deleted)).toBe(true);
  });

  test('the server’s verdict lands on the rows sent, by position: on the cell when it names a column, else on the row', () => {
    const marked = markProblems(
      start(),
      ['2', '1'],
      [
        { index: 0, field: 'seats', message: '太多' },
        { index: 1, field: 'id', message: '仍被引用' },
      ],
      columns,
    );
    expect(marked.rows[1]!.cellErrors).toEqual({ seats: '太多' });
    expect(marked.rows[0]!.rowError).toBe('仍被引用');
  });

  test('the undo depth is bounded', () => {
    let buffer = start();
    for (let i = 0; i < 250; i++) buffer = applyChanges(buffer, [{ key: '1', source: 'seats', value: i }]);
    expect(buffer.past.length).toBe(200);
  });

  test('holds only the rows touched: a row shown from the server enters on its first change, and leaves again on undo', () => {
    const [first, second] = rowsOf(
      [
        { id: 1, version: 1, name: 'a', seats: 10 },
        { id: 2, version: 1, name: 'b', seats: 20 },
      ],
      columns,
    );
    const edited = applyChanges(emptyBuffer(), [{ key: '2', row: second, source: 'seats', value: 21 }]);
    expect(edited.rows.map((r) => [r.key, r.data.seats, r.original!.seats])).toEqual([['2', 21, 20]]);
    expect(pendingCount(edited, columns)).toBe(1);
    expect(undo(edited).rows).toEqual([]);
    // a change to a row already held builds on the held row, not on the row as the grid last drew it
    const again = applyChanges(edited, [{ key: '2', row: second, source: 'name', value: 'B' }]);
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0]!.data).toEqual({ name: 'B', seats: 21 });
    const deleted = toggleDeleted(again, new Set(['1']), [first!]);
    expect(deleted.rows.map((r) => [r.key, r.deleted ?? false])).toEqual([
      ['2', false],
      ['1', true],
    ]);
  });

  test('rows marked by a workflow step enter the buffer as they are, once', () => {
    const [first] = rowsOf([{ id: 1, version: 1, name: 'a', seats: 10 }], columns);
    const held = withRows(emptyBuffer(), [first!]);
    expect(withRows(held, [first!])).toBe(held);
    expect(held.rows).toEqual([first]);
    expect(held.past).toEqual([]);
  });
});
