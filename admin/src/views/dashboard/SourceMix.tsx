import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { COLORS, num, pct } from './format';
import { scopeRows, type DashboardData } from './useDashboard';

/** 生源构成: the chosen year's students by target group, and where they come from. */
export function SourceMix({ data, year }: { data: DashboardData; year: number }) {
  const t = useTranslate();
  const scope = scopeRows(data.sources)[0];
  const groups = (scope?.byTargetGroup ?? []).filter((g) => g.students > 0).map((g) => ({ name: t(`enums.TargetGroup.${g.targetGroup}`), value: g.students }));
  const origins = (scope?.byOrigin ?? [])
    .filter((o) => o.students > 0)
    .map((o) => ({ name: o.origin === 'OTHER_PROVINCE' ? (o.provinceName ?? o.provinceCode ?? '') : t(`dashboard.origins.${o.origin}`), value: o.students }));
  return (
    <ChartCard
      title={t('dashboard.source_mix', { year })}
      subtitle={scope ? t('dashboard.source_note', { enrolled: num(scope.enrolled), share: pct(scope.outOfProvinceShare), training: num(scope.skillsTraining) }) : undefined}
      empty={groups.length === 0}
      className="chart-sources"
    >
      <ResponsiveContainer>
        <PieChart>
          <Pie data={groups} dataKey="value" nameKey="name" cx="30%" cy="50%" outerRadius="80%" innerRadius="45%">
            {groups.map((g, i) => <Cell key={g.name} fill={COLORS[i % COLORS.length]} />)}
          </Pie>
          <Pie data={origins} dataKey="value" nameKey="name" cx="78%" cy="50%" outerRadius="62%" legendType="none">
            {origins.map((o, i) => <Cell key={o.name} fill={COLORS[(i + 4) % COLORS.length]} />)}
          </Pie>
          <Tooltip formatter={(value) => num(value)} />
          <Legend layout="vertical" align="center" verticalAlign="middle" wrapperStyle={{ fontSize: 12, left: '48%', width: 'auto' }} />
        </PieChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
