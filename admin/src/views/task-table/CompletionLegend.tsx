import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { completionColor } from './completion';

/** What the colours of the completion cells mean. */
export function CompletionLegend() {
  const t = useTranslate();
  const bands = [
    { rate: 0, label: '< 50%' },
    { rate: 0.5, label: '50–80%' },
    { rate: 0.8, label: '80–100%' },
    { rate: 1, label: '≥ 100%' },
  ];
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 2 }}>
      <Typography variant="caption" color="text.secondary">
        {t('task_table.completion')}
      </Typography>
      {bands.map((b) => (
        <Box key={b.label} sx={{ background: completionColor(b.rate), px: 0.75, borderRadius: 0.5, fontSize: 12 }}>
          {b.label}
        </Box>
      ))}
    </Box>
  );
}
