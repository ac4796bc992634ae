import { useState } from 'react';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { YEARS } from '../task-table/useTaskTable';
import { LevelTrend } from './LevelTrend';
import { PartnershipChart } from './PartnershipChart';
import { ProgressByCity, ProgressByYear } from './ProgressCharts';
import { RankingTable } from './RankingTable';
import { SourceMix } from './SourceMix';
import { useDashboard } from './useDashboard';

/** The campaign this year (China time), within 2023–2027. */
const currentYear = () => Math.min(2027, Math.max(2023, Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4))));

/** 工作台: progress against the task table, level and source structure, partnerships and the city ranking — all from the analyst queries. */
export function Dashboard() {
  const t = useTranslate();
  const [year, setYear] = useState(currentYear);
  const data = useDashboard(year);
  return (
    <Box className="dashboard" sx={{ mt: 2 }}>
      <Title title={t('dashboard.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>{t('dashboard.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{t('dashboard.year')}</Typography>
        <ToggleButtonGroup size="small" exclusive value={year} onChange={(_, value: number | null) => value && setYear(value)}>
          {YEARS.map((y) => <ToggleButton key={y} value={y}>{y}</ToggleButton>)}
        </ToggleButtonGroup>
      </Box>
      {!data ? (
        <Typography>{t('ra.page.loading')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
          <ProgressByYear data={data} />
          <LevelTrend data={data} />
          <ProgressByCity data={data} year={year} />
          <SourceMix data={data} year={year} />
          <PartnershipChart data={data} year={year} />
          <RankingTable data={data} year={year} />
        </Box>
      )}
    </Box>
  );
}
