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

export const AppLayout = (props: LayoutProps) => <Layout {...props} menu={AppMenu} />;
