import { useRef, useState } from 'react';
import { Button, Checkbox, Chip, Divider, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import UndoIcon from '@mui/icons-material/Undo';
import RedoIcon from '@mui/icons-material/Redo';
import SaveIcon from '@mui/icons-material/Save';
import RefreshIcon from '@mui/icons-material/Refresh';
import UploadIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import VerticalAlignBottomIcon from '@mui/icons-material/VerticalAlignBottom';
import type { GridApi } from 'ag-grid-community';
import { useNotify, useTranslate } from 'react-admin';
import { labelsIn } from '../i18n/labels';
import type { Lookups } from '../lookups';
import { resetColumnState } from './columnState';
import { exportCsv, exportXlsx, sheetTable } from './exportSheet';
import { ImportDialog } from './ImportDialog';
import { planImport, type ImportPlan } from './importRows';
import { readTable } from './readTable';
import { fetchAll } from './serverRows';
import type { ColumnSpec, SheetRow } from './types';
import { enumValues } from './useLookups';

interface Props {
  resource: string;
  /** hide everything that writes */
  readOnly: boolean;
  /** the resource's own buttons (workflow steps) */
  actions?: React.ReactNode;
  columns: ColumnSpec[];
  naturalKey?: string[];
  /** every row of the filtered set in the sheet's order, as edited (read from the server page by page) */
  allRows(): Promise<SheetRow[]>;
  pending: number;
  /** rows of the whole filtered set, as the server counts them */
  rowCount?: number;
  /** rows ticked (with the header box, of the whole filtered set) */
  ticked: number;
  /** the ticked rows in the sheet's order, as edited: what 导出所选 writes */
  tickedRows(): Promise<SheetRow[]>;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
  api: () => GridApi<SheetRow> | undefined;
  lookups: Lookups;
  onAdd(): void;
  onDelete(): void;
  onUndo(): void;
  onRedo(): void;
  onFillDown(): void;
  onSave(): void;
  onReload(): void;
  onImported(): void;
}

export function SheetToolbar(props: Props) {
  const { resource, columns, api, lookups } = props;
  const t = useTranslate();
  const notify = useNotify();
  const file = useRef<HTMLInputElement>(null);
  const [columnsMenu, setColumnsMenu] = useState<HTMLElement | null>(null);
  const [exportMenu, setExportMenu] = useState<HTMLElement | null>(null);
  const [plan, setPlan] = useState<ImportPlan>();
  const [exporting, setExporting] = useState(false);
  const ctx = { t, lookups };

  /** Visible columns in their on-screen order; every row of the filtered set (or the ticked rows) in the sheet's order. */
  const shownTable = async (rows: () => Promise<SheetRow[]>) => {
    const order =
      api()
        ?.getAllDisplayedColumns()
        .map((c) => c.getColId()) ?? columns.map((c) => c.source);
    const shown = order.flatMap((id) => columns.filter((c) => c.source === id));
    return sheetTable(await rows(), shown, resource, ctx);
  };

  const exportAs = async (write: (table: Awaited<ReturnType<typeof shownTable>>) => unknown, rows = props.allRows) => {
    setExportMenu(null);
    setExporting(true);
    try {
      await write(await shownTable(rows));
    } catch (error) {
      notify('sheet.export.failed', { type: 'error', messageArgs: { message: error instanceof Error ? error.message : String(error) } });
    } finally {
      setExporting(false);
    }
  };

  const onFile = async (selected: File | undefined) => {
    if (!selected) return;
    try {
      const table = await readTable(selected);
      const existing = props.naturalKey ? await fetchAll({ resource, filter: {}, sort: { field: 'id', order: 'ASC' } }) : [];
      setPlan(planImport(table, columns, resource, { t, lookups, enumValues, labelsIn }, {}, { naturalKey: props.naturalKey, existing }));
    } catch (error) {
      notify('sheet.import.unreadable', { type: 'error', messageArgs: { message: error instanceof Error ? error.message : String(error) } });
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const tip = (key: string, button: React.ReactElement) => (
    <Tooltip title={t(key)}>
      <span>{button}</span>
    </Tooltip>
  );

  const editing = !props.readOnly && (
    <>
      {tip(
        'sheet.keys.add',
        <Button size="small" startIcon={<AddIcon />} onClick={props.onAdd}>
          {t('sheet.add_row')}
        </Button>,
      )}
      {tip(
        'sheet.keys.delete',
        <Button size="small" startIcon={<DeleteIcon />} onClick={props.onDelete}>
          {t('sheet.delete_rows')}
        </Button>,
      )}
      <Divider orientation="vertical" flexItem />
      {tip(
        'sheet.keys.undo',
        <Button size="small" startIcon={<UndoIcon />} disabled={!props.canUndo} onClick={props.onUndo}>
          {t('sheet.undo')}
        </Button>,
      )}
      {tip(
        'sheet.keys.redo',
        <Button size="small" startIcon={<RedoIcon />} disabled={!props.canRedo} onClick={props.onRedo}>
          {t('sheet.redo')}
        </Button>,
      )}
      {tip(
        'sheet.keys.fill',
        <Button size="small" startIcon={<VerticalAlignBottomIcon />} onClick={props.onFillDown}>
          {t('sheet.fill_down')}
        </Button>,
      )}
      <Divider orientation="vertical" flexItem />
      <Button size="small" startIcon={<UploadIcon />} onClick={() => file.current?.click()}>
        {t('sheet.import.button')}
      </Button>
      <input ref={file} type="file" accept=".xlsx,.csv" hidden data-testid="sheet-import-file" onChange={(e) => void onFile(e.target.files?.[0])} />
    </>
  );

  return (
    <div className="sheet-toolbar">
      {editing}
      <Button size="small" startIcon={<DownloadIcon />} disabled={exporting} onClick={(e) => setExportMenu(e.currentTarget)}>
        {t('sheet.export.button')}
      </Button>
      <Menu anchorEl={exportMenu} open={Boolean(exportMenu)} onClose={() => setExportMenu(null)}>
        <MenuItem onClick={() => void exportAs((table) => exportXlsx(table, resource, t))}>{t('sheet.export.xlsx')}</MenuItem>
        <MenuItem onClick={() => void exportAs((table) => exportCsv(table, resource, t))}>{t('sheet.export.csv')}</MenuItem>
        {props.ticked > 0 && [
          <Divider key="divider" />,
          <MenuItem key="xlsx" onClick={() => void exportAs((table) => exportXlsx(table, resource, t), props.tickedRows)}>
            {t('sheet.export.ticked_xlsx', { count: props.ticked.toLocaleString('en-US') })}
          </MenuItem>,
          <MenuItem key="csv" onClick={() => void exportAs((table) => exportCsv(table, resource, t), props.tickedRows)}>
            {t('sheet.export.ticked_csv', { count: props.ticked.toLocaleString('en-US') })}
          </MenuItem>,
        ]}
      </Menu>
      <Button size="small" startIcon={<ViewColumnIcon />} onClick={(e) => setColumnsMenu(e.currentTarget)}>
        {t('sheet.columns')}
      </Button>
      <Menu anchorEl={columnsMenu} open={Boolean(columnsMenu)} onClose={() => setColumnsMenu(null)}>
        {columns.map((c) => {
          const visible = api()?.getColumn(c.source)?.isVisible() ?? true;
          return (
            <MenuItem
              key={c.source}
              dense
              onClick={() => {
                api()?.setColumnsVisible([c.source], !visible);
                setColumnsMenu(null);
              }}
            >
              <Checkbox size="small" checked={visible} />
              <ListItemText>{t(`resources.${resource}.fields.${c.source}`)}</ListItemText>
            </MenuItem>
          );
        })}
        <Divider />
        <MenuItem
          dense
          onClick={() => {
            const grid = api();
            if (grid) resetColumnState(resource, grid);
            setColumnsMenu(null);
          }}
        >
          {t('sheet.reset_columns')}
        </MenuItem>
      </Menu>
      {props.actions && (
        <>
          <Divider orientation="vertical" flexItem />
          {props.actions}
        </>
      )}
      <span className="spacer" />
      {props.ticked > 0 && <span className="sheet-ticked">{t('sheet.ticked', { count: props.ticked.toLocaleString('en-US') })}</span>}
      {props.rowCount !== undefined && <span className="sheet-row-count">{t('sheet.row_count', { count: props.rowCount.toLocaleString('en-US') })}</span>}
      {props.pending > 0 && <Chip size="small" color="warning" label={t('sheet.pending', { smart_count: props.pending })} />}
      <Button size="small" startIcon={<RefreshIcon />} onClick={props.onReload}>
        {t('sheet.reload')}
      </Button>
      {!props.readOnly &&
        tip(
          'sheet.keys.save',
          <Button
            size="small"
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={props.saving || props.pending === 0}
            onClick={props.onSave}
            data-testid="sheet-save"
          >
            {t('sheet.save')}
          </Button>,
        )}
      {plan && (
        <ImportDialog
          resource={resource}
          columns={columns}
          plan={plan}
          lookups={lookups}
          onClose={() => setPlan(undefined)}
          onSaved={() => {
            setPlan(undefined);
            props.onImported();
          }}
        />
      )}
    </div>
  );
}
