import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  title: string;
  label: string;
  required?: boolean;
  /** inputs shown above the text (a decision, a number) */
  children?: ReactNode;
  confirm: string;
  canConfirm?: boolean;
  onConfirm(text: string): void;
  onClose(): void;
}

/** Asks for a line of text (a reason, a note) before a step is taken. */
export function TextDialog({ title, label, required = false, children, confirm, canConfirm = true, onConfirm, onClose }: Props) {
  const t = useTranslate();
  const [text, setText] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        {children}
        <TextField
          label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={2}
          required={required}
          autoFocus
          slotProps={{ htmlInput: { 'data-testid': 'dialog-text' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!canConfirm || (required && text.trim() === '')} onClick={() => onConfirm(text.trim())}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
