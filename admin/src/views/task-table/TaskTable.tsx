import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableContainer, TableHead, Typography } from '@mui/material';
import { Title, useLocale, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canWrite, type Permissions } from '../../auth/permissions';
import { SaveError, saveMany } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import { CompletionLegend } from './CompletionLegend';
import { TaskTableHeader } from './TaskTableHeader';
import { CityRow, ProvinceRow } from './TaskTableRows';
import { useTaskTable } from './useTaskTable';

/** 任务表: the notice's annex made live — cities × 2023–2027, target, planned, enrolled, completion; targets editable by the province. */
export function TaskTable() {
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const { permissions } = usePermissions<Permissions>();
  const [generation, setGeneration] = useState(0);
  const data = useTaskTable(generation);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  if (!data) return <Typography sx={{ p: 2 }}>{t('ra.page.loading')}</Typography>;
  if ('error' in data)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {data.error}
      </Alert>
    );

  const save = async () => {
    const rows = Object.entries(edits).map(([id, value]) => ({ id, version: data.targets.find((row) => row.id === id)!.version, seats: Number(value) }));
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
    // minWidth 0: a wide table scrolls inside the card instead of widening the page
    <Card sx={{ mt: 2, minWidth: 0 }} className="task-table">
      <Title title={t('task_table.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {t('task_table.title')}
          </Typography>
          <CompletionLegend />
          {canWrite(permissions, 'CampaignTarget') &&
            (editing ? (
              <>
                <Button
                  onClick={() => {
                    setEdits({});
                    setEditing(false);
                  }}
                >
                  {t('ra.action.cancel')}
                </Button>
                <Button variant="contained" onClick={save} disabled={Object.keys(edits).length === 0}>
                  {t('ra.action.save')}
                </Button>
              </>
            ) : (
              <Button variant="outlined" onClick={() => setEditing(true)}>
                {t('task_table.edit_targets')}
              </Button>
            ))}
        </Box>
        <TableContainer sx={{ overflowX: 'auto' }}>
          <Table
            size="small"
            sx={{
              '& td, & th': { textAlign: 'right', whiteSpace: 'nowrap', px: 0.5, fontSize: 12 },
              // the city column stays in view while the years scroll, as a frozen column in Excel
              '& tbody td:first-of-type, & thead tr:first-of-type th:first-of-type': {
                textAlign: 'left',
                position: 'sticky',
                left: 0,
                background: '#fff',
                zIndex: 1,
              },
              '& thead tr:first-of-type th:first-of-type, & tr[data-city="330000"] td:first-of-type': { background: '#eef2f7' },
            }}
          >
            <TableHead>
              <TaskTableHeader />
            </TableHead>
            <TableBody>
              {data.cities.map((city) => (
                <CityRow key={city.code} city={city} data={data} editing={editing} edits={edits} onEdit={(id, value) => setEdits({ ...edits, [id]: value })} />
              ))}
              {data.province && <ProvinceRow data={data} cumulative={data.province.cumulative} />}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
