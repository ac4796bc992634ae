import { Button } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useLocale, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canWrite, type Permissions } from '../../auth/permissions';
import { SaveError } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import type { SheetActionsProps } from '../../sheet/actions';
import { submitSummaries, submitSummary } from './submitSummary';

/** 报送 the ticked summaries in one request: all are submitted or none, each refused one marked on its row. */
export function SubmitSelectedSummaries({ selected, showRefusals, reload }: SheetActionsProps) {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  if (!canWrite(permissions, 'AnnualSummary')) return null;
  const submit = async () => {
    const ticked = await selected();
    if (!ticked) return;
    const rows = ticked.filter((row) => row.data.status !== 'SUBMITTED').map((row) => ({ id: row.id!, version: row.version }));
    if (rows.length === 0) return notify('summary.none_selected', { type: 'warning' });
    try {
      await submitSummaries(rows);
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      if (error.rows.length > 0) showRefusals(error.rows.map((row) => ({ id: row.id ?? rows[row.index]!.id, message: row.message })));
      return notify(localizeMessage(error.message, locale), { type: 'error' });
    }
    reload();
    notify('summary.submitted', { type: 'success', messageArgs: { smart_count: rows.length } });
  };
  return (
    <Button size="small" variant="outlined" startIcon={<SendIcon />} data-testid="summary-submit" onClick={() => void submit()}>
      {t('summary.submit')}
    </Button>
  );
}

/** 报送 on the summary's own page. */
export function SubmitSummaryButton() {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const record = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  if (!record || record.status === 'SUBMITTED' || !canWrite(permissions, 'AnnualSummary')) return null;
  const submit = async () => {
    try {
      await submitSummary(String(record.id), record.version as number);
      notify('summary.submitted', { type: 'success', messageArgs: { smart_count: 1 } });
      refresh();
    } catch (error) {
      notify(error instanceof SaveError ? localizeMessage(error.message, locale) : String(error), { type: 'error' });
    }
  };
  return (
    <Button size="small" variant="contained" startIcon={<SendIcon />} onClick={() => void submit()}>
      {t('summary.submit')}
    </Button>
  );
}
