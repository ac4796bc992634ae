import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ConflictCell } from './conflict';

/** Someone else saved first: their version stands; each cell shows both values, and reloading takes theirs. */
export function ConflictDialog({ resource, cells, onReload, onClose }: { resource: string; cells: ConflictCell[]; onReload: () => void; onClose: () => void }) {
  const t = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="md" className="sheet-conflict">
      <DialogTitle>{t('sheet.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('sheet.conflict.body')}</DialogContentText>
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('sheet.row_number')}</TableCell>
              <TableCell>{t('sheet.conflict.field')}</TableCell>
              <TableCell>{t('sheet.conflict.mine')}</TableCell>
              <TableCell>{t('sheet.conflict.theirs')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cells.slice(0, 100).map((cell) => (
              <TableRow key={`${cell.row}-${cell.source}`} data-conflict={`${cell.row}-${cell.source}`}>
                <TableCell>{cell.row}</TableCell>
                <TableCell>{t(`resources.${resource}.fields.${cell.source}`)}</TableCell>
                <TableCell>{cell.mine}</TableCell>
                <TableCell>{cell.theirs}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('sheet.conflict.keep')}</Button>
        <Button variant="contained" onClick={onReload}>
          {t('sheet.conflict.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
