import { Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { pct } from './format';
import { rowsOf, type DashboardData, type Part, type ScoreRow } from './useDashboard';

const points = (value: number) => value.toFixed(2);

const TABLE_SX = { '& td, & th': { py: 0.4, fontSize: 13 }, '& td:not(:nth-of-type(2)), & th:not(:nth-of-type(2))': { textAlign: 'right' } };

/**
 * 绩效考核 (cityScores): every city's score with the points of each weighted criterion, best first, for
 * province-wide roles; a city bureau's own score criterion by criterion, with weight and attainment.
 */
export function ScoreTable({ data, scores, year }: { data: DashboardData; scores: Part<ScoreRow[]>; year: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows = rowsOf(scores);
  const cityName = (r: ScoreRow) => (locale === 'en' ? (data.cityNamesEn.get(r.cityCode) ?? r.cityName) : r.cityName);
  const criterion = (c: string) => t(`dashboard.criteria.${c}`);
  const own = rows.length === 1 ? rows[0]! : null;
  const title = own ? t('dashboard.own_score', { year, city: cityName(own), score: points(own.score), rank: own.rank }) : t('dashboard.scores', { year });
  return (
    <ChartCard
      title={title}
      subtitle={t('dashboard.scores_note')}
      part={scores}
      empty={rows.length === 0}
      height={own ? 300 : 380}
      wide={!own}
      className="chart-scores"
    >
      {own ? (
        <Table size="small" sx={{ '& td, & th': { py: 0.5, fontSize: 13 }, '& td:not(:first-of-type), & th:not(:first-of-type)': { textAlign: 'right' } }}>
          <TableHead>
            <TableRow>
              {['criterion', 'weight', 'attainment', 'points'].map((k) => (
                <TableCell key={k}>{t(`dashboard.columns.${k}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {own.breakdown.map((part) => (
              <TableRow key={part.criterion} data-criterion={part.criterion}>
                <TableCell>
                  <Tooltip title={t(`enums.ScoreCriterion.${part.criterion}`)}>
                    <span>{criterion(part.criterion)}</span>
                  </Tooltip>
                </TableCell>
                <TableCell>{part.weight}</TableCell>
                <TableCell>{pct(part.attainment)}</TableCell>
                <TableCell>{points(part.points)}</TableCell>
              </TableRow>
            ))}
            <TableRow data-criterion="TOTAL">
              <TableCell sx={{ fontWeight: 600 }}>{t('dashboard.columns.total')}</TableCell>
              <TableCell>{own.breakdown.reduce((sum, part) => sum + part.weight, 0)}</TableCell>
              <TableCell />
              <TableCell sx={{ fontWeight: 600 }}>{points(own.score)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : (
        <Table size="small" sx={TABLE_SX}>
          <TableHead>
            <TableRow>
              <TableCell>{t('dashboard.columns.rank')}</TableCell>
              <TableCell>{t('dashboard.columns.city')}</TableCell>
              <TableCell>{t('dashboard.columns.score')}</TableCell>
              {(rows[0]?.breakdown ?? []).map((part) => (
                <TableCell key={part.criterion}>
                  <Tooltip title={t(`enums.ScoreCriterion.${part.criterion}`)}>
                    <span>
                      {criterion(part.criterion)} ({part.weight})
                    </span>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.cityCode} data-city={r.cityCode}>
                <TableCell>{r.rank}</TableCell>
                <TableCell>{cityName(r)}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{points(r.score)}</TableCell>
                {r.breakdown.map((part) => (
                  <TableCell key={part.criterion}>{points(part.points)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ChartCard>
  );
}
