import { Box, Button, Card, CardContent, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Title, useLocale, useTranslate } from 'react-admin';
import { sheetLink, useAlerts } from './useAlerts';

/** 待办: what waits for the signed-in user, each item linking to the sheet that handles it, filtered. */
export function TasksPage() {
  const t = useTranslate();
  const locale = useLocale();
  const { alerts, markRead } = useAlerts();
  if (!alerts) return <Typography sx={{ p: 2 }}>{t('ra.page.loading')}</Typography>;
  const unread = alerts.filter((a) => !a.read).map((a) => a.key);
  return (
    <Card sx={{ mt: 2 }} data-testid="tasks-page">
      <Title title={t('app.menu.tasks')} />
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">{t('tasks.title')}</Typography>
          <Button disabled={unread.length === 0} onClick={() => markRead(unread)}>
            {t('tasks.mark_all_read')}
          </Button>
        </Box>
        {alerts.length === 0 && <Typography color="text.secondary">{t('tasks.none')}</Typography>}
        <List>
          {alerts.map((alert) => {
            const title = locale === 'en' ? alert.titleEn : alert.titleZh;
            const link = sheetLink(alert);
            return (
              <ListItem key={alert.key} divider data-testid="task-item" sx={{ opacity: alert.read ? 0.6 : 1 }}>
                <ListItemText
                  primary={
                    link ? (
                      <Link href={link} onClick={() => markRead([alert.key])}>
                        {title}
                      </Link>
                    ) : (
                      title
                    )
                  }
                  secondary={[alert.raisedOn && `${t('tasks.raised_on')} ${alert.raisedOn}`, alert.dueOn && `${t('tasks.due_on')} ${alert.dueOn}`]
                    .filter(Boolean)
                    .join(' · ')}
                />
                {!alert.read && <Chip size="small" color="primary" label={t('tasks.unread')} onClick={() => markRead([alert.key])} />}
              </ListItem>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
