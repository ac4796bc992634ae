import { Alert, Box, Card, CardContent, CardHeader } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Title, useLocale, useTranslate } from 'react-admin';
import { hasQuery } from '../schema';
import { YEARS, useCampaignTargets } from './useCampaignTargets';

/** Targets by year and city from the task table; progress charts join once the analyst queries exist. */
export function Dashboard() {
  const t = useTranslate();
  const locale = useLocale();
  const data = useCampaignTargets(0);
  const analytics = ['campaignProgress', 'levelMix', 'sourceMix', 'partnershipStats'].filter((q) => !hasQuery(q));
  const byYear = YEARS.map((year) => ({ year: String(year), target: data?.targets.filter((x) => x.year === year).reduce((s, x) => s + x.seats, 0) ?? 0 }));
  const byCity = (data?.cities ?? []).map((city) => ({
    city: locale === 'en' ? city.nameEn : city.nameZh,
    ...Object.fromEntries(YEARS.map((y) => [String(y), data?.targets.find((x) => x.cityId === city.id && x.year === y)?.seats ?? 0])),
  }));
  const colors = ['#90caf9', '#64b5f6', '#42a5f5', '#1e88e5', '#1565c0'];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 2fr' }, gap: 2, mt: 2 }} className="dashboard">
      <Title title={t('dashboard.title')} />
      <Card>
        <CardHeader title={t('dashboard.progress')} />
        <CardContent sx={{ height: 320 }}>
          <ResponsiveContainer>
            <BarChart data={byYear}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="target" name={t('dashboard.target')} fill="#1e88e5" />
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title={t('dashboard.by_city')} />
        <CardContent sx={{ height: 320 }}>
          <ResponsiveContainer>
            <BarChart data={byCity}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="city" interval={0} />
              <YAxis />
              <Tooltip />
              <Legend />
              {YEARS.map((y, i) => <Bar key={y} dataKey={String(y)} fill={colors[i]} />)}
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
      {analytics.length > 0 && (
        <Alert severity="info" sx={{ gridColumn: '1 / -1' }}>
          {t('dashboard.level_mix')}、{t('dashboard.source_mix')}、{t('dashboard.partnerships')}：{t('dashboard.waiting')}（{analytics.join(', ')}）
        </Alert>
      )}
    </Box>
  );
}
