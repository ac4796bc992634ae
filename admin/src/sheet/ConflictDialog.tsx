import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Someone else saved first: their version stands; reloading shows it (and drops this sheet's edits). */
export function ConflictDialog({ message, onReload, onClose }: { message: string; onReload: () => void; onClose: () => void }) {
  const t = useTranslate();
  return (
    <Dialog open onClose={onClose}>
      <DialogTitle>{t('sheet.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('sheet.conflict.body')}</DialogContentText>
        <DialogContentText sx={{ mt: 1, fontSize: 13 }}>{message}</DialogContentText>
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
