import { Box } from '@mui/material';
import { Bar, BarChart, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { COLORS, compact, num, pct } from './format';
import { rowsOf, scopeRows, type DashboardData } from './useDashboard';

/** 生源构成: the chosen year's students by target group (ring) and by origin (bars: same city, other Zhejiang cities, the largest other provinces). */
export function SourceMix({ data, year }: { data: DashboardData; year: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const scope = scopeRows(rowsOf(data.sources))[0];
  const groups = (scope?.byTargetGroup ?? []).filter((g) => g.students > 0).map((g) => ({ name: t(`enums.TargetGroup.${g.targetGroup}`), value: g.students }));
  const byOrigin = (scope?.byOrigin ?? []).filter((o) => o.students > 0);
  const provinces = byOrigin.filter((o) => o.origin === 'OTHER_PROVINCE').sort((a, b) => b.students - a.students);
  const origins = [...byOrigin.filter((o) => o.origin !== 'OTHER_PROVINCE'), ...provinces.slice(0, 4)].map((o) => ({
    name: o.origin === 'OTHER_PROVINCE' ? (o.provinceName ?? o.provinceCode ?? '') : t(`dashboard.origins.${o.origin}`),
    students: o.students,
  }));
  return (
    <ChartCard
      title={t('dashboard.source_mix', { year })}
      subtitle={
        scope
          ? t('dashboard.source_note', { enrolled: num(scope.enrolled), share: pct(scope.outOfProvinceShare), training: num(scope.skillsTraining) })
          : undefined
      }
      part={data.sources}
      empty={groups.length === 0}
      height={330}
      className="chart-sources"
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', height: '100%', gap: 1 }}>
        <ResponsiveContainer>
          <PieChart>
            <Pie data={groups} dataKey="value" nameKey="name" cx="50%" cy="42%" outerRadius="70%" innerRadius="42%">
              {groups.map((g, i) => (
                <Cell key={g.name} fill={COLORS[i % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip formatter={(value) => num(value)} />
            <Legend itemSorter={null} wrapperStyle={{ fontSize: 11, lineHeight: '16px' }} />
          </PieChart>
        </ResponsiveContainer>
        <ResponsiveContainer>
          <BarChart data={origins} layout="vertical" margin={{ left: 8, right: 16 }}>
            <XAxis type="number" tickFormatter={compact(locale)} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(value) => num(value)} />
            <Bar dataKey="students" name={t('dashboard.students')} fill="#00838f" />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </ChartCard>
  );
}
