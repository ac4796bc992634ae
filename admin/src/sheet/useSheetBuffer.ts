import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnSpec } from './types';
import { fromRecords, pendingCount, type Buffer } from './buffer';

/**
 * The sheet's rows: replaced by what the server sends only when nothing is pending (or a reload was
 * asked for), so a background refetch never throws away a person's unsaved edits.
 */
export function useSheetBuffer(data: Record<string, unknown>[] | undefined, columns: ColumnSpec[]) {
  const [buffer, setBuffer] = useState<Buffer>(() => fromRecords(data ?? [], columns));
  const current = useRef(buffer);
  current.current = buffer;
  const reloading = useRef(false);
  useEffect(() => {
    if (!data) return;
    if (reloading.current || pendingCount(current.current, columns) === 0) {
      reloading.current = false;
      setBuffer(fromRecords(data, columns));
    }
  }, [data, columns]);
  const latest = useRef(data);
  latest.current = data;
  /** Takes the next rows the server sends even though edits are pending (after a save, they are saved). */
  const expectReload = useCallback(() => {
    reloading.current = true;
  }, []);
  /** Drops every unsaved edit now (the rows as last read), and takes the next rows the server sends. */
  const discard = useCallback(() => {
    reloading.current = true;
    setBuffer(fromRecords(latest.current ?? [], columns));
  }, [columns]);
  return { buffer, setBuffer, current, expectReload, discard };
}
