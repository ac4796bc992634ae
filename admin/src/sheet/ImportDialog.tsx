import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import { SaveError } from '../dataProvider';
import { localizeMessage } from '../i18n/localizeMessage';
import type { Lookups } from '../lookups';
import { displayValue } from './editors';
import type { ImportPlan } from './importRows';
import { importPayload } from './importRows';
import type { ColumnSpec } from './types';
import { cancelImportJob, importThroughJob, type ImportProgress } from './importJob';

interface Props {
  resource: string;
  columns: ColumnSpec[];
  plan: ImportPlan;
  lookups: Lookups;
  onClose: () => void;
  onSaved: () => void;
}

/** Preview of an import: every row with its problems; saving writes all rows at once or none. */
export function ImportDialog({ resource, columns, plan: initial, lookups, onClose, onSaved }: Props) {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [plan, setPlan] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();
  const jobId = useRef<string | undefined>(undefined);
  const shown = columns.filter((c) => c.editable !== false);
  const failing = plan.rows.filter((row) => Object.keys(row.errors).length > 0 || row.serverError).length;

  const save = async () => {
    setSaving(true);
    try {
      const { rows: payload } = importPayload(plan);
      await importThroughJob(resource, payload, (now, id) => {
        jobId.current = id;
        setProgress({ ...now });
      });
      notify('sheet.import.saved', { type: 'success', messageArgs: { smart_count: payload.length } });
      onSaved();
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      const rows = plan.rows.map((row) => ({ ...row, errors: { ...row.errors }, serverError: undefined as string | undefined }));
      const sent = rows.filter((row) => !row.unchanged);
      for (const problem of error.rows) {
        const row = sent[problem.index];
        if (!row) continue;
        const message = localizeMessage(problem.message, locale);
        if (problem.field && shown.some((c) => c.source === problem.field)) row.errors[problem.field] = message;
        else row.serverError = message;
      }
      if (error.rows.length === 0) notify(error.code === 'CANCELLED' ? 'sheet.import.cancelled' : localizeMessage(error.message, locale), { type: 'error' });
      setPlan({ ...plan, rows });
    } finally {
      setSaving(false);
      setProgress(undefined);
      jobId.current = undefined;
    }
  };

  const cancel = async () => {
    if (jobId.current) await cancelImportJob(jobId.current).catch(() => undefined);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{t('sheet.import.title', { count: plan.rows.length })}</DialogTitle>
      <DialogContent>
        {plan.unknownHeaders.length > 0 && <Alert severity="warning">{t('sheet.import.unknown_headers', { headers: plan.unknownHeaders.join('、') })}</Alert>}
        <Alert severity={failing ? 'error' : 'info'} sx={{ my: 1 }}>
          {failing ? t('sheet.import.has_errors', { count: failing }) : t('sheet.import.ready', { count: plan.rows.length })}
        </Alert>
        <Alert severity="info" sx={{ my: 1 }} className="import-counts">
          {t('sheet.import.counts', plan.counts)}
        </Alert>
        {progress && <ImportProgressBar progress={progress} />}
        <Table size="small" className="import-preview">
          <TableHead>
            <TableRow>
              <TableCell>{t('sheet.import.line')}</TableCell>
              <TableCell>{t('sheet.import.action')}</TableCell>
              {shown.map((c) => (
                <TableCell key={c.source}>{t(`resources.${resource}.fields.${c.source}`)}</TableCell>
              ))}
              <TableCell>{t('sheet.import.problems')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.rows.slice(0, 500).map((row) => (
              <TableRow key={row.line} className={Object.keys(row.errors).length || row.serverError ? 'import-row-error' : undefined}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{t(row.unchanged ? 'sheet.import.unchanged' : row.match ? 'sheet.import.update' : 'sheet.import.create')}</TableCell>
                {shown.map((c) => (
                  <TableCell key={c.source} sx={row.errors[c.source] ? { background: '#fde2e1' } : undefined} title={row.errors[c.source]}>
                    {displayValue(c, row.values[c.source], { t, lookups })}
                  </TableCell>
                ))}
                <TableCell sx={{ color: '#b3261e' }}>
                  {[
                    ...Object.entries(row.errors).map(([field, message]) => `${t(`resources.${resource}.fields.${field}`)}：${message}`),
                    ...(row.serverError ? [row.serverError] : []),
                  ].join('；')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        {saving ? (
          <Button onClick={cancel} disabled={progress?.status === 'WRITING'}>
            {t('sheet.import.stop')}
          </Button>
        ) : (
          <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        )}
        <Button variant="contained" disabled={saving || failing > 0 || plan.counts.created + plan.counts.updated === 0} onClick={save}>
          {t('sheet.import.save', { count: plan.counts.created + plan.counts.updated })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** How far the server is: rows sent, rows validated out of all, then the one write. */
function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const t = useTranslate();
  const { status, rowCount, validated } = progress;
  const determinate = status === 'VALIDATING' && rowCount > 0;
  return (
    <div className="import-progress" role="status">
      <LinearProgress variant={determinate ? 'determinate' : 'indeterminate'} value={determinate ? (100 * validated) / rowCount : undefined} />
      <span>{t(`sheet.import.progress.${status}`, { validated: validated.toLocaleString('zh-CN'), total: rowCount.toLocaleString('zh-CN') })}</span>
    </div>
  );
}
