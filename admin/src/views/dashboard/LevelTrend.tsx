import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { compact, num, pct } from './format';
import { rowsOf, scopeRows, type DashboardData, type LevelRow } from './useDashboard';

/** The rows of the whole scope: a city bureau's levelMix also holds a row per school of its city; school staff get only their school's. */
function areaRows(rows: LevelRow[]): LevelRow[] {
  const areas = rows.filter((r) => r.schoolId == null);
  return scopeRows(areas.length > 0 ? areas : rows);
}

/** 培养层次结构 (R2): students by level per year, and the share of advanced and technician levels as a line. */
export function LevelTrend({ data }: { data: DashboardData }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows = areaRows(rowsOf(data.levels))
    .filter((r) => r.enrolled > 0)
    .map((r) => ({ ...r, year: String(r.year) }))
    .sort((a, b) => a.year.localeCompare(b.year));
  const share = t('dashboard.advanced_share');
  return (
    <ChartCard title={t('dashboard.level_mix')} part={data.levels} empty={rows.length === 0} className="chart-levels">
      <ResponsiveContainer>
        <ComposedChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis yAxisId="students" tickFormatter={compact(locale)} width={56} />
          <YAxis yAxisId="share" orientation="right" tickFormatter={pct} domain={[0, 1]} width={56} />
          <Tooltip formatter={(value, name) => (name === share ? pct(value) : num(value))} />
          <Legend itemSorter={null} />
          <Bar yAxisId="students" stackId="levels" dataKey="intermediate" name={t('enums.Level.INTERMEDIATE')} fill="#90caf9" />
          <Bar yAxisId="students" stackId="levels" dataKey="advanced" name={t('enums.Level.ADVANCED')} fill="#42a5f5" />
          <Bar yAxisId="students" stackId="levels" dataKey="preparatoryTechnician" name={t('enums.Level.PREPARATORY_TECHNICIAN')} fill="#1565c0" />
          <Line yAxisId="share" dataKey="advancedShare" name={share} stroke="#ef6c00" strokeWidth={2} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
