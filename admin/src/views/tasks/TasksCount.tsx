import { Badge, IconButton, Tooltip } from '@mui/material';
import ChecklistIcon from '@mui/icons-material/Checklist';
import { useTranslate } from 'react-admin';
import { useAlerts } from './useAlerts';

/** The app bar's count of unread to-do items and reminders; opens the to-do page. */
export function TasksCount() {
  const t = useTranslate();
  const { alerts } = useAlerts();
  const unread = alerts?.filter((a) => !a.read).length ?? 0;
  return (
    <Tooltip title={t('app.menu.tasks')}>
      <IconButton color="inherit" href="#/tasks" data-testid="tasks-count">
        <Badge badgeContent={unread} color="error">
          <ChecklistIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
