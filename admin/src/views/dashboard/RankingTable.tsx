import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { completionColor } from '../task-table/completion';
import { ChartCard } from './ChartCard';
import { num, pct } from './format';
import { cityRows, rowsOf, type DashboardData, type RankingRow, type Part } from './useDashboard';

/** 设区市排名: completion of the year's task, best first, with the advanced-level share beside it (cityRanking). */
export function RankingTable({ data, ranking, year }: { data: DashboardData; ranking: Part<RankingRow[]>; year: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows = cityRows(rowsOf(ranking));
  return (
    <ChartCard title={t('dashboard.ranking', { year })} part={ranking} empty={rows.length === 0} height={440} className="chart-ranking">
      <Table size="small" sx={{ '& td, & th': { py: 0.4, fontSize: 13 }, '& td:not(:nth-of-type(2)), & th:not(:nth-of-type(2))': { textAlign: 'right' } }}>
        <TableHead>
          <TableRow>
            {['rank', 'city', 'target', 'enrolled', 'completion', 'advanced_share'].map((k) => (
              <TableCell key={k}>{t(`dashboard.columns.${k}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.cityCode}>
              <TableCell>{r.rank}</TableCell>
              <TableCell>{locale === 'en' ? (data.cityNamesEn.get(r.cityCode) ?? r.cityName) : r.cityName}</TableCell>
              <TableCell>{num(r.target)}</TableCell>
              <TableCell>{num(r.enrolled)}</TableCell>
              <TableCell sx={{ background: completionColor(r.completionRate) }}>{pct(r.completionRate)}</TableCell>
              <TableCell>{pct(r.advancedShare)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChartCard>
  );
}
