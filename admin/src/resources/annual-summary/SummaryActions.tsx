import { Button } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useLocale, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canWrite, type Permissions } from '../../auth/permissions';
import { SaveError } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import type { SheetActionsProps } from '../../sheet/actions';
import { submitSummary } from './submitSummary';

/** 报送 the ticked summaries, each on its own (one refused does not hold back the others). */
export function SubmitSelectedSummaries({ selected, showRefusals, reload }: SheetActionsProps) {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  if (!canWrite(permissions, 'AnnualSummary')) return null;
  const submit = async () => {
    const ticked = await selected();
    if (!ticked) return;
    const rows = ticked.filter((row) => row.data.status !== 'SUBMITTED');
    const refusals: { id: string; message: string }[] = [];
    for (const row of rows) {
      await submitSummary(row.id!, row.version).catch((error: unknown) =>
        refusals.push({ id: row.id!, message: error instanceof Error ? error.message : String(error) }),
      );
    }
    reload();
    if (refusals.length > 0) setTimeout(() => showRefusals(refusals), 500);
    notify('summary.submitted', { type: refusals.length ? 'warning' : 'success', messageArgs: { smart_count: rows.length - refusals.length } });
  };
  return (
    <Button size="small" variant="outlined" startIcon={<SendIcon />} onClick={() => void submit()}>
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
