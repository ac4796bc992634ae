import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A titled card holding one chart; says so when the query returned nothing to draw. */
export function ChartCard({ title, subtitle, empty, height = 300, wide, children, className }: { title: string; subtitle?: string; empty?: boolean; height?: number; wide?: boolean; children: ReactNode; className?: string }) {
  const t = useTranslate();
  return (
    <Card sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }} className={className}>
      <CardHeader title={title} subheader={subtitle} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
      <CardContent sx={{ height }}>
        {empty ? <Typography color="text.secondary" sx={{ pt: 4, textAlign: 'center' }}>{t('dashboard.no_data')}</Typography> : children}
      </CardContent>
    </Card>
  );
}
