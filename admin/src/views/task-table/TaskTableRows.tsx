import { TableCell, TableRow, TextField } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { completionColor, percent, yearStarted } from './completion';
import { PROVINCE_CODE, YEARS, type TaskTableData } from './useTaskTable';

const edge = { borderLeft: '1px solid #c5cfdc' };
const n = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');

/** 完成率 of one year: coloured by how far along it is, or "not started" for a year still to come. */
function CompletionCell({ year, rate }: { year: number; rate: number | null }) {
  const t = useTranslate();
  if (!yearStarted(year))
    return (
      <TableCell sx={{ color: 'text.secondary' }} data-year-state="not-started">
        {t('task_table.not_started')}
      </TableCell>
    );
  return <TableCell sx={{ background: completionColor(rate) }}>{percent(rate)}</TableCell>;
}

interface CityRowProps {
  city: { code: string; nameZh: string; nameEn: string };
  data: TaskTableData;
  editing: boolean;
  edits: Record<string, string>;
  onEdit(targetId: string, value: string): void;
}

/** One city: per year its target (an input while editing), planned and enrolled seats and completion; then its five-year totals. */
export function CityRow({ city, data, editing, edits, onEdit }: CityRowProps) {
  const locale = useLocale();
  const cells = YEARS.map((year) => ({ year, cell: data.cell(city.code, year), row: data.target(city.code, year) }));
  const target = cells.reduce((sum, c) => sum + (c.cell?.target ?? 0), 0);
  const enrolled = cells.reduce((sum, c) => sum + (c.cell?.enrolled ?? 0), 0);
  return (
    <TableRow hover data-city={city.code}>
      <TableCell>{locale === 'en' ? city.nameEn : city.nameZh}</TableCell>
      {cells.flatMap(({ year, cell, row }) => [
        <TableCell key={`${year}-t`} sx={edge}>
          {editing && row ? (
            <TextField
              size="small"
              type="number"
              variant="standard"
              value={edits[row.id] ?? String(row.seats)}
              slotProps={{ htmlInput: { style: { textAlign: 'right', width: 60, fontSize: 12 }, 'data-cell': `${city.nameZh}-${year}` } }}
              onChange={(e) => onEdit(row.id, e.target.value)}
            />
          ) : (
            n(cell?.target)
          )}
        </TableCell>,
        <TableCell key={`${year}-p`}>{n(cell?.planned)}</TableCell>,
        <TableCell key={`${year}-e`}>{n(cell?.enrolled)}</TableCell>,
        <CompletionCell key={`${year}-c`} year={year} rate={cell?.completionRate ?? null} />,
      ])}
      <TableCell sx={{ ...edge, fontWeight: 600 }}>{n(target)}</TableCell>
      <TableCell sx={{ fontWeight: 600 }}>{n(enrolled)}</TableCell>
      <TableCell sx={{ fontWeight: 600, background: completionColor(target ? enrolled / target : null) }}>
        {percent(target ? enrolled / target : null)}
      </TableCell>
    </TableRow>
  );
}

/** 全省合计: the server's province rows (330000) per year and its campaign cumulative. */
export function ProvinceRow({ data, cumulative }: { data: TaskTableData; cumulative: NonNullable<TaskTableData['province']>['cumulative'] }) {
  const t = useTranslate();
  return (
    <TableRow sx={{ background: '#eef2f7', '& td': { fontWeight: 700 } }} data-city={PROVINCE_CODE}>
      <TableCell>{t('task_table.province')}</TableCell>
      {YEARS.flatMap((year) => {
        const cell = data.cell(PROVINCE_CODE, year);
        return [
          <TableCell key={`${year}-t`} sx={edge}>
            {n(cell?.target)}
          </TableCell>,
          <TableCell key={`${year}-p`}>{n(cell?.planned)}</TableCell>,
          <TableCell key={`${year}-e`}>{n(cell?.enrolled)}</TableCell>,
          <CompletionCell key={`${year}-c`} year={year} rate={cell?.completionRate ?? null} />,
        ];
      })}
      <TableCell sx={edge}>{n(cumulative.target)}</TableCell>
      <TableCell>{n(cumulative.enrolled)}</TableCell>
      <TableCell sx={{ background: completionColor(cumulative.completionRate) }}>{percent(cumulative.completionRate)}</TableCell>
    </TableRow>
  );
}
