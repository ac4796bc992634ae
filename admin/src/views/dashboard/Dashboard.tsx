import { useState } from 'react';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../../auth/permissions';
import { seesWholeProvince } from '../scope';
import { currentYear } from '../task-table/completion';
import { YEARS } from '../task-table/useTaskTable';
import { LevelTrend } from './LevelTrend';
import { PartnershipChart } from './PartnershipChart';
import { ProgressByCity, ProgressByYear } from './ProgressCharts';
import { RankingTable } from './RankingTable';
import { ScoreTable } from './ScoreTable';
import { SourceMix } from './SourceMix';
import { cityRows, rowsOf, useDashboard, type DashboardData } from './useDashboard';

/** What the figures cover: the province, or the one city a bureau (or a school's staff) sees. */
function scopeName(data: DashboardData, provinceWide: boolean, t: (key: string) => string): string {
  if (provinceWide) return t('dashboard.province');
  return cityRows(rowsOf(data.progress))[0]?.cityName ?? '';
}

/** 工作台: progress against the task table, level and source structure, partnerships, (province-wide) the city ranking and the 绩效考核 scores. */
export function Dashboard() {
  const t = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  const [year, setYear] = useState(() => Math.min(2027, Math.max(2023, currentYear())));
  const provinceWide = seesWholeProvince(permissions?.role);
  const data = useDashboard(year, !isPending && provinceWide, !isPending && (provinceWide || permissions?.role === 'CITY_ADMIN'));
  return (
    <Box className="dashboard" sx={{ mt: 2 }}>
      <Title title={t('dashboard.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {t('dashboard.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('dashboard.year')}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={year} onChange={(_, value: number | null) => value && setYear(value)}>
          {YEARS.map((y) => (
            <ToggleButton key={y} value={y}>
              {y}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
        <ProgressByYear data={data} scope={scopeName(data, provinceWide, t)} />
        <LevelTrend data={data} />
        <ProgressByCity data={data} year={year} />
        <SourceMix data={data} year={year} />
        <PartnershipChart data={data} year={year} />
        {data.ranking && <RankingTable data={data} ranking={data.ranking} year={year} />}
        {data.scores && <ScoreTable data={data} scores={data.scores} year={year} />}
      </Box>
    </Box>
  );
}
