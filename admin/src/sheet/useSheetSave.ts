import { useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useNotify } from 'react-admin';
import { dataProvider, isVersionConflict, SaveError, saveMany } from '../dataProvider';
import { localizeMessage } from '../i18n/localizeMessage';
import { markProblems, type Buffer } from './buffer';
import { conflictCells, type ConflictCell } from './conflict';
import type { DisplayContext } from './editors';
import { buildPayload } from './payload';
import type { ColumnSpec, SheetRow } from './types';

interface Options {
  resource: string;
  columns: ColumnSpec[];
  current: RefObject<Buffer>;
  setBuffer: Dispatch<SetStateAction<Buffer>>;
  locale: string;
  ctx: DisplayContext;
  /** reads the rows again after a save */
  reload(): void;
  /** the row's number in the sheet (第 N 行), when known */
  rowNumber(row: SheetRow): number | undefined;
}

/**
 * 保存: every pending row in one `saveX`. A version conflict (someone saved first) opens the conflict
 * dialog with both values of each cell; any other refusal marks its rows and cells with the reason.
 */
export function useSheetSave({ resource, columns, current, setBuffer, locale, ctx, reload, rowNumber }: Options) {
  const notify = useNotify();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<ConflictCell[]>();

  const showConflict = async (keys: string[], error: SaveError) => {
    const indexes = error.rows.filter(isVersionConflict).map((p) => p.index);
    const conflicting = new Set(indexes.length > 0 ? indexes.map((i) => keys[i]!) : keys);
    const rows = current.current.rows.filter((row) => conflicting.has(row.key) && row.id);
    const saved = await dataProvider
      .getMany(resource, { ids: rows.map((row) => row.id!) })
      .then((result) => new Map(result.data.map((record) => [String(record.id), record as Record<string, unknown>])))
      .catch(() => new Map<string, Record<string, unknown>>());
    setConflict(conflictCells(current.current.rows, conflicting, saved, columns, ctx, rowNumber));
  };

  const save = async () => {
    const pending = current.current;
    if (pending.rows.some((row) => Object.keys(row.cellErrors ?? {}).length > 0 && !row.deleted)) {
      notify('sheet.notify.fix_errors', { type: 'error' });
      return;
    }
    const { rows, keys } = buildPayload(pending.rows, columns);
    if (rows.length === 0) {
      notify('sheet.notify.nothing_to_save', { type: 'info' });
      return;
    }
    setSaving(true);
    try {
      await saveMany(resource, rows);
      notify('sheet.notify.saved', { type: 'success', messageArgs: { smart_count: rows.length } });
      reload();
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      if (error.isVersionConflict) {
        await showConflict(keys, error);
        return;
      }
      const problems = error.rows.length > 0 ? error.rows : [{ index: 0, code: error.code, rule: null, field: error.field, message: error.message }];
      setBuffer((b) =>
        markProblems(
          b,
          keys,
          problems.map((p) => ({ ...p, message: localizeMessage(p.message, locale) })),
          columns,
        ),
      );
      notify(localizeMessage(error.message, locale), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return { saving, save, conflict, closeConflict: () => setConflict(undefined) };
}
