import { TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { YEARS } from './useTaskTable';

const MEASURES = ['target', 'planned', 'enrolled', 'completion'];
const edge = { borderLeft: '1px solid #c5cfdc' };

export function TaskTableHeader() {
  const t = useTranslate();
  return (
    <>
      <TableRow sx={{ background: '#eef2f7', '& th': { fontWeight: 700 } }}>
        <TableCell rowSpan={2}>{t('task_table.city')}</TableCell>
        {YEARS.map((y) => (
          <TableCell key={y} colSpan={4} sx={{ ...edge, textAlign: 'center !important' }}>
            {t('task_table.year', { year: y })}
          </TableCell>
        ))}
        <TableCell colSpan={3} sx={{ ...edge, textAlign: 'center !important' }}>
          {t('task_table.campaign')}
        </TableCell>
      </TableRow>
      <TableRow sx={{ background: '#eef2f7' }}>
        {YEARS.flatMap((y) =>
          MEASURES.map((m, i) => (
            <TableCell key={`${y}-${m}`} sx={i === 0 ? edge : undefined}>
              {t(`task_table.${m}`)}
            </TableCell>
          )),
        )}
        {['target', 'enrolled', 'completion'].map((m, i) => (
          <TableCell key={m} sx={i === 0 ? edge : undefined}>
            {t(`task_table.${m}`)}
          </TableCell>
        ))}
      </TableRow>
    </>
  );
}
