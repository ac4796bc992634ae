import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale, useTranslate } from 'react-admin';
import { enumValues } from '../../sheet/useLookups';
import { ChartCard } from './ChartCard';
import { COLORS, num } from './format';
import { cityRows, rowsOf, type DashboardData } from './useDashboard';

/** 校企合作: partnerships in force during the year per city (or of one school), stacked by kind (partnershipStats). */
export function PartnershipChart({ data, year }: { data: DashboardData; year: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const kinds = enumValues('PartnershipKind');
  const byCity = new Map<string, Record<string, string | number>>();
  for (const row of cityRows(rowsOf(data.partnerships))) {
    const city = byCity.get(row.cityCode) ?? {
      city: row.schoolName ?? (locale === 'en' ? (data.cityNamesEn.get(row.cityCode) ?? row.cityName) : row.cityName.replace(/市$/, '')),
    };
    city[row.kind] = row.partnerships;
    byCity.set(row.cityCode, city);
  }
  const rows = [...byCity.values()];
  const empty = cityRows(rowsOf(data.partnerships)).every((r) => r.partnerships === 0);
  return (
    <ChartCard title={t('dashboard.partnerships', { year })} part={data.partnerships} empty={empty} height={440} className="chart-partnerships">
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="city" interval={0} tick={{ fontSize: 12 }} />
          <YAxis width={48} allowDecimals={false} />
          <Tooltip formatter={(value) => num(value)} />
          <Legend itemSorter={null} />
          {kinds.map((kind, i) => (
            <Bar key={kind} dataKey={kind} stackId="kinds" name={t(`enums.PartnershipKind.${kind}`)} fill={COLORS[i % COLORS.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
