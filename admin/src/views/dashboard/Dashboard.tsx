import { useState } from 'react';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../../auth/permissions';
import { mayAsk } from '../../contract';
import { seesWholeProvince } from '../scope';
import { currentYear, todayInChina } from '../task-table/completion';
import { YEARS } from '../task-table/useTaskTable';
import { LevelTrend } from './LevelTrend';
import { PartnershipChart } from './PartnershipChart';
import { Population } from './Population';
import { ProgressByCity, ProgressByYear } from './ProgressCharts';
import { RankingTable } from './RankingTable';
import { ScoreTable } from './ScoreTable';
import { SourceMix } from './SourceMix';
import { cityRows, rowsOf, useDashboard, type DashboardAsks, type DashboardData } from './useDashboard';

/** What the figures cover: the province, the one city a bureau sees, or a school's staff their school. */
function scopeName(data: DashboardData, provinceWide: boolean, t: (key: string) => string): string {
  if (provinceWide) return t('dashboard.province');
  const first = cityRows(rowsOf(data.progress))[0];
  return first?.schoolName ?? first?.cityName ?? '';
}

/** The day the in-school figures stand on: the end of the year chosen, or today while that is still to come. */
function populationDay(year: number): string {
  const today = todayInChina();
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** The parts the role asks for beyond those every role draws (docs/roles.md); none until the role is known. */
function asksOf(role: Permissions['role'] | undefined, schoolId: Permissions['schoolId'] | undefined, year: number): DashboardAsks {
  const provinceWide = seesWholeProvince(role);
  return {
    schoolId: role === 'SCHOOL_STAFF' ? (schoolId ?? null) : null,
    ranking: provinceWide,
    scores: provinceWide || role === 'CITY_ADMIN',
    // school staff: their school's students; the 2020 base and the 翻一番 ratio are a city's
    population: mayAsk('studentPopulation', role) ? { groupBy: role === 'SCHOOL_STAFF' ? 'SCHOOL' : 'CITY', on: populationDay(year) } : null,
  };
}

/**
 * 工作台: progress against the task table, 在校学生 against the 2020 base, level and source structure,
 * partnerships, (province-wide) the city ranking and the 绩效考核 scores. School staff see their
 * school's own figures: its progress against its share of the task (任务分解), its levels, sources
 * and partnerships.
 */
export function Dashboard() {
  const t = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  const [year, setYear] = useState(() => Math.min(2027, Math.max(2023, currentYear())));
  const role = isPending ? undefined : permissions?.role;
  const provinceWide = seesWholeProvince(role);
  const asks = asksOf(role, permissions?.schoolId, year);
  const data = useDashboard(year, asks);
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
        {data.population && asks.population && (
          <Population data={data} groupBy={asks.population.groupBy} on={asks.population.on} wide={asks.population.groupBy === 'CITY'} />
        )}
        {/* comparing cities means nothing on one school's figures */}
        {!asks.schoolId && <ProgressByCity data={data} year={year} />}
        <SourceMix data={data} year={year} />
        <PartnershipChart data={data} year={year} />
        {data.ranking && <RankingTable data={data} ranking={data.ranking} year={year} />}
        {data.scores && <ScoreTable data={data} scores={data.scores} year={year} />}
      </Box>
    </Box>
  );
}
