import { IconButton } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { Link, useTranslate } from 'react-admin';
import type { SheetRow } from './types';

/** The row action that opens a saved row's record page (its form and history). */
export function OpenRecordCell(props: CustomCellRendererProps<SheetRow> & { resource: string }) {
  const t = useTranslate();
  const id = props.data?.id;
  if (!id || props.node.rowPinned) return null;
  return (
    <IconButton
      component={Link}
      to={`/${props.resource}/${encodeURIComponent(id)}`}
      size="small"
      aria-label={t('sheet.open_record')}
      title={t('sheet.open_record')}
      className="sheet-open-record"
    >
      <OpenInNewIcon fontSize="inherit" />
    </IconButton>
  );
}
