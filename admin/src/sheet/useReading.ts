import { useRef, useState } from 'react';
import { useNotify } from 'react-admin';

/** Rows read so far of the rows an action waits for. */
export interface ReadProgress {
  done: number;
  total: number;
}

/**
 * Reading rows the grid has not loaded before an action over them (a range edit, the ticked rows): one
 * read at a time, its progress shown (RowsProgress), a failure told. Gives undefined when the read
 * failed or another was under way.
 */
export function useReading() {
  const notify = useNotify();
  const [progress, setProgress] = useState<ReadProgress>();
  const busy = useRef(false);

  const read = async <T>(total: number, work: (progress: (done: number) => void) => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setProgress({ done: 0, total });
    try {
      return await work((done) => setProgress({ done, total }));
    } catch (error) {
      notify('sheet.notify.read_failed', { type: 'error', messageArgs: { message: error instanceof Error ? error.message : String(error) } });
      return undefined;
    } finally {
      busy.current = false;
      setProgress(undefined);
    }
  };

  return { progress, read };
}

export type Reading = ReturnType<typeof useReading>;
