import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Menu,
  TitlePortal,
  usePermissions,
  useTranslate,
  type AppBarProps,
  type LayoutProps,
} from 'react-admin';
import TableChartIcon from '@mui/icons-material/TableChart';
import ChecklistIcon from '@mui/icons-material/Checklist';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import type { Permissions } from './auth/permissions';
import { mayAsk } from './contract';
import { TasksCount } from './views/tasks/TasksCount';

function AppMenu() {
  const t = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/tasks" primaryText={t('app.menu.tasks')} leftIcon={<ChecklistIcon />} />
      <Menu.Item to="/task-table" primaryText={t('app.menu.task_table')} leftIcon={<TableChartIcon />} />
      {mayAsk('duplicateStudents', permissions?.role) && (
        <Menu.Item to="/duplicate-students" primaryText={t('app.menu.duplicates')} leftIcon={<PersonSearchIcon />} />
      )}
      <Menu.ResourceItems />
    </Menu>
  );
}

/** The default app bar with the count of the user's unread to-do items beside the language menu. */
const TasksAppBar = (props: AppBarProps) => (
  <AppBar
    {...props}
    toolbar={
      <>
        <TasksCount />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

// minWidth 0: wide pages (the task table, sheets) scroll inside the content area instead of widening the page
export const AppLayout = (props: LayoutProps) => (
  <Layout
    {...props}
    menu={AppMenu}
    appBar={TasksAppBar}
    sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } }}
  />
);
