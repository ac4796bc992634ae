import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { SaveError, saveMany } from '../dataProvider';
import { localizeMessage } from '../i18n/localizeMessage';
import { hasQuery } from '../schema';
import { YEARS, useCampaignTargets } from './useCampaignTargets';

/** 任务表: the notice's annex, cities × 2023–2027, with province totals; targets editable in place. */
export function TaskTable() {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [generation, setGeneration] = useState(0);
  const data = useCampaignTargets(generation);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  if (!data) return <Typography sx={{ p: 2 }}>{t('ra.page.loading')}</Typography>;
  const target = (cityId: string, year: number) => data.targets.find((x) => x.cityId === cityId && x.year === year);
  const seats = (cityId: string, year: number) => {
    const row = target(cityId, year);
    const edited = row ? edits[row.id] : undefined;
    return edited !== undefined ? Number(edited) : (row?.seats ?? 0);
  };
  const yearTotal = (year: number) => data.cities.reduce((sum, c) => sum + seats(c.id, year), 0);
  const cityTotal = (cityId: string) => YEARS.reduce((sum, y) => sum + seats(cityId, y), 0);

  const save = async () => {
    const rows = Object.entries(edits).map(([id, value]) => ({ id, version: data.targets.find((x) => x.id === id)!.version, seats: Number(value) }));
    try {
      await saveMany('CampaignTarget', rows);
      notify('task_table.saved', { type: 'success' });
      setEdits({});
      setEditing(false);
      setGeneration((g) => g + 1);
    } catch (error) {
      notify(error instanceof SaveError ? localizeMessage(error.message, locale) : String(error), { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }} className="task-table">
      <Title title={t('task_table.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h6" sx={{ flex: 1 }}>{t('task_table.title')}</Typography>
          {editing ? (
            <>
              <Button onClick={() => { setEdits({}); setEditing(false); }}>{t('ra.action.cancel')}</Button>
              <Button variant="contained" onClick={save} disabled={Object.keys(edits).length === 0}>{t('ra.action.save')}</Button>
            </>
          ) : (
            <Button variant="outlined" onClick={() => setEditing(true)}>{t('task_table.edit_targets')}</Button>
          )}
        </Box>
        {!hasQuery('campaignProgress') && <Alert severity="info" sx={{ mb: 1 }}>{t('task_table.waiting')}</Alert>}
        <Table size="small" sx={{ '& td, & th': { textAlign: 'right', whiteSpace: 'nowrap' }, '& td:first-of-type, & th:first-of-type': { textAlign: 'left' } }}>
          <TableHead>
            <TableRow sx={{ background: '#eef2f7' }}>
              <TableCell>{t('task_table.city')}</TableCell>
              {YEARS.map((y) => <TableCell key={y}>{y}</TableCell>)}
              <TableCell>2023–2027</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.cities.map((city) => (
              <TableRow key={city.id} hover>
                <TableCell>{locale === 'en' ? city.nameEn : city.nameZh}</TableCell>
                {YEARS.map((year) => {
                  const row = target(city.id, year);
                  return (
                    <TableCell key={year}>
                      {editing && row ? (
                        <TextField size="small" type="number" variant="standard" value={edits[row.id] ?? String(row.seats)} slotProps={{ htmlInput: { style: { textAlign: 'right', width: 80 }, 'data-cell': `${city.nameZh}-${year}` } }}
                          onChange={(e) => setEdits({ ...edits, [row.id]: e.target.value })} />
                      ) : (
                        seats(city.id, year).toLocaleString()
                      )}
                    </TableCell>
                  );
                })}
                <TableCell sx={{ fontWeight: 600 }}>{cityTotal(city.id).toLocaleString()}</TableCell>
              </TableRow>
            ))}
            <TableRow sx={{ background: '#eef2f7', '& td': { fontWeight: 700 } }}>
              <TableCell>{t('task_table.province')}</TableCell>
              {YEARS.map((y) => <TableCell key={y}>{yearTotal(y).toLocaleString()}</TableCell>)}
              <TableCell>{YEARS.reduce((s, y) => s + yearTotal(y), 0).toLocaleString()}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
