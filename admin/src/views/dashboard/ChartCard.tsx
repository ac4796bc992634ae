import type { ReactNode } from 'react';
import { Alert, Card, CardContent, CardHeader, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Part } from './useDashboard';

interface Props {
  title: string;
  subtitle?: string;
  /** the query behind the chart: loading, refused (its message shown here) or ready */
  part: Part<unknown>;
  empty?: boolean;
  height?: number;
  wide?: boolean;
  children: ReactNode;
  className?: string;
}

/** A titled card holding one chart; while its query runs, when it failed, or when it returned nothing, says so in place. */
export function ChartCard({ title, subtitle, part, empty, height = 300, wide, children, className }: Props) {
  const t = useTranslate();
  const state = part.state === 'ready' ? (empty ? 'empty' : 'ready') : part.state;
  return (
    <Card sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }} className={className} data-state={state}>
      <CardHeader
        title={title}
        subheader={subtitle}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } }, subheader: { variant: 'caption' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ height }}>
        {part.state === 'loading' && <CircularProgress size={28} sx={{ display: 'block', mx: 'auto', mt: 4 }} aria-label={t('ra.page.loading')} />}
        {part.state === 'error' && <Alert severity="error">{part.message}</Alert>}
        {state === 'empty' && (
          <Typography color="text.secondary" sx={{ pt: 4, textAlign: 'center' }}>
            {t('dashboard.no_data')}
          </Typography>
        )}
        {state === 'ready' && children}
      </CardContent>
    </Card>
  );
}
