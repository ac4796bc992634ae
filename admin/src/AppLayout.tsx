import { Layout, Menu, useTranslate, type LayoutProps } from 'react-admin';
import TableChartIcon from '@mui/icons-material/TableChart';

function AppMenu() {
  const t = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/task-table" primaryText={t('app.menu.task_table')} leftIcon={<TableChartIcon />} />
      <Menu.ResourceItems />
    </Menu>
  );
}

// minWidth 0: wide pages (the task table, sheets) scroll inside the content area instead of widening the page
export const AppLayout = (props: LayoutProps) => <Layout {...props} menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } }} />;
