import { LinearProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReadProgress } from './useReading';

const n = (value: number) => value.toLocaleString('en-US');

/** 正在读取 300 / 1,000 行: shown above the grid while an action waits for rows, once the wait is noticeable (sheet.css). */
export function RowsProgress({ progress }: { progress: ReadProgress | undefined }) {
  const t = useTranslate();
  if (!progress) return null;
  return (
    <div className="sheet-progress" role="status">
      <LinearProgress variant="determinate" value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} />
      <span>{t('sheet.reading_rows', { done: n(progress.done), total: n(progress.total) })}</span>
    </div>
  );
}
