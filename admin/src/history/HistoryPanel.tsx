import { Box, Card, CardContent, CardHeader, Chip, Typography } from '@mui/material';
import { useGetList, useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { ColumnSpec } from '../sheet/types';
import { useLookups } from '../sheet/useLookups';
import { describeChanges, type AuditEntryRecord } from './describeChanges';

const ACTION_COLORS = { CREATE: 'success', UPDATE: 'info', DELETE: 'error' } as const;

/** 修改记录: every write to this record from the audit trail, newest first — who, when, which fields from what to what. */
export function HistoryPanel({ resource, columns }: { resource: string; columns: ColumnSpec[] }) {
  const t = useTranslate();
  const locale = useLocale();
  const record = useRecordContext();
  const { lookups, ready } = useLookups(columns);
  const { data, isPending } = useGetList<AuditEntryRecord>(
    'AuditEntry',
    { filter: { entityName: resource, entityId: Number(record?.id) }, sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: Boolean(record?.id) },
  );
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  return (
    <Card className="history-panel" sx={{ width: 380, ml: 2, flexShrink: 0, alignSelf: 'flex-start' }}>
      <CardHeader title={t('history.title')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} sx={{ pb: 0 }} />
      <CardContent sx={{ maxHeight: 'calc(100vh - 180px)', overflow: 'auto' }}>
        {(isPending || !ready) && <Typography variant="body2">{t('ra.page.loading')}</Typography>}
        {!isPending && ready && data?.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('history.none')}
          </Typography>
        )}
        {ready &&
          data?.map((entry) => (
            <Box key={entry.id} className="history-entry" sx={{ borderLeft: 3, borderColor: `${ACTION_COLORS[entry.action]}.main`, pl: 1.5, mb: 2 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5, flexWrap: 'wrap' }}>
                <Chip size="small" color={ACTION_COLORS[entry.action]} label={t(`enums.AuditAction.${entry.action}`)} />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {entry.actorName}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {when(entry.createdAt)}
                </Typography>
              </Box>
              {describeChanges(entry, resource, columns, { t, lookups }).map((line) => (
                <Typography key={line.field} variant="body2" className="history-change" sx={{ wordBreak: 'break-word' }}>
                  <b>{line.label}</b>：
                  {entry.action === 'UPDATE' ? (
                    <>
                      <span style={{ color: '#8a1c1c', textDecoration: 'line-through' }}>{line.before}</span> →{' '}
                      <span style={{ color: '#1b5e20' }}>{line.after}</span>
                    </>
                  ) : (
                    <span>{entry.action === 'DELETE' ? line.before : line.after}</span>
                  )}
                </Typography>
              ))}
            </Box>
          ))}
      </CardContent>
    </Card>
  );
}
