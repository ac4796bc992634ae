import { Bar, BarChart, CartesianGrid, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { compact, num, pct } from './format';
import { yearStarted } from '../task-table/completion';
import { cityRows, rowsOf, scopeRows, type DashboardData } from './useDashboard';

/** 各年度任务完成情况: the scope's target, planned and enrolled seats per campaign year, completion as a line. */
export function ProgressByYear({ data, scope }: { data: DashboardData; scope: string }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows = scopeRows(rowsOf(data.progress)).map((r) => ({ ...r, year: String(r.year), completionRate: yearStarted(r.year) ? r.completionRate : null }));
  return (
    <ChartCard title={t('dashboard.progress', { scope })} part={data.progress} empty={rows.length === 0} className="chart-progress">
      <ResponsiveContainer>
        <ComposedChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis yAxisId="seats" tickFormatter={compact(locale)} width={56} />
          <YAxis yAxisId="rate" orientation="right" tickFormatter={pct} domain={[0, 'auto']} width={56} />
          <Tooltip formatter={(value, name) => (name === t('task_table.completion') ? pct(value) : num(value))} />
          <Legend itemSorter={null} />
          <Bar yAxisId="seats" dataKey="target" name={t('task_table.target')} fill="#90caf9" />
          <Bar yAxisId="seats" dataKey="planned" name={t('task_table.planned')} fill="#42a5f5" />
          <Bar yAxisId="seats" dataKey="enrolled" name={t('task_table.enrolled')} fill="#1565c0" />
          <Line yAxisId="rate" dataKey="completionRate" name={t('task_table.completion')} stroke="#ef6c00" strokeWidth={2} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** 各设区市完成情况: target against enrolled per city in the chosen year (campaignProgress, in the notice's city order). */
export function ProgressByCity({ data, year }: { data: DashboardData; year: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows = cityRows(rowsOf(data.progress))
    .filter((r) => r.year === year)
    .map((r) => ({ ...r, city: locale === 'en' ? (data.cityNamesEn.get(r.cityCode) ?? r.cityName) : r.cityName.replace(/市$/, '') }));
  return (
    <ChartCard title={t('dashboard.by_city', { year })} part={data.progress} empty={rows.length === 0} height={330} className="chart-by-city">
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="city" interval={0} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={compact(locale)} width={56} />
          <Tooltip formatter={(value) => num(value)} />
          <Legend itemSorter={null} />
          <Bar dataKey="target" name={t('task_table.target')} fill="#90caf9" />
          <Bar dataKey="enrolled" name={t('task_table.enrolled')} fill="#1565c0" />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
