import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { num, pct } from './format';
import { PROVINCE_CODE, rowsOf, type DashboardData, type PopulationGroupBy, type PopulationRow } from './useDashboard';

/** 翻一番: in-school students of 2025 twice those of 2020. */
const GOAL_RATIO = 2;

const TABLE_SX = { '& td, & th': { py: 0.5, fontSize: 13 }, '& td:not(:first-of-type), & th:not(:first-of-type)': { textAlign: 'right' } };

/** How far a ratio has come toward 翻一番, as a bar and its share of the goal. */
function GoalBar({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <>—</>;
  const share = ratio / GOAL_RATIO;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'flex-end' }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, share * 100)}
        color={share >= 1 ? 'success' : 'primary'}
        sx={{ width: 120, height: 8, borderRadius: 1 }}
      />
      <span>{pct(share)}</span>
    </Box>
  );
}

/**
 * 在校学生 (studentPopulation) on a day: for the province and city bureaus each area's students on a
 * roster, its 2020 base and the ratio to it with the way to 翻一番 (twice the base); for school staff,
 * whose figures are their school's, the school's students alone (the base is a city's).
 */
export function Population({ data, groupBy, on, wide }: { data: DashboardData; groupBy: PopulationGroupBy; on: string; wide: boolean }) {
  const t = useTranslate();
  const locale = useLocale();
  const part = data.population!;
  const rows = rowsOf(part);
  // a school with nobody on its roll yet: its count is 0, not missing
  const shown: PopulationRow[] =
    groupBy === 'SCHOOL' && rows.length === 0 ? [{ key: 'own', label: t('dashboard.population.own_school'), students: 0, baseline: null, ratio: null }] : rows;
  const label = (r: PopulationRow) =>
    groupBy === 'SCHOOL' || locale !== 'en' ? r.label : r.key === PROVINCE_CODE ? t('dashboard.province') : (data.cityNamesEn.get(r.key) ?? r.label);
  const byCity = groupBy === 'CITY';
  return (
    <ChartCard
      title={t('dashboard.population.title', { on })}
      subtitle={t(byCity ? 'dashboard.population.note' : 'dashboard.population.school_note')}
      part={part}
      empty={shown.length === 0}
      height="auto"
      wide={wide}
      className="chart-population"
    >
      <Table size="small" sx={TABLE_SX}>
        <TableHead>
          <TableRow>
            <TableCell>{t(byCity ? 'dashboard.columns.area' : 'dashboard.columns.school')}</TableCell>
            <TableCell>{t('dashboard.columns.in_school')}</TableCell>
            {byCity && <TableCell>{t('dashboard.columns.baseline')}</TableCell>}
            {byCity && <TableCell>{t('dashboard.columns.ratio')}</TableCell>}
            {byCity && <TableCell>{t('dashboard.columns.doubling')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.key} data-key={r.key} sx={r.key === PROVINCE_CODE ? { '& td': { fontWeight: 600 } } : undefined}>
              <TableCell>{label(r)}</TableCell>
              <TableCell>{num(r.students)}</TableCell>
              {byCity && <TableCell>{r.baseline === null ? '—' : num(r.baseline)}</TableCell>}
              {byCity && <TableCell>{pct(r.ratio)}</TableCell>}
              {byCity && (
                <TableCell>
                  <GoalBar ratio={r.ratio} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChartCard>
  );
}
