import { Admin, CustomRoutes, Layout, Menu, Resource, useTranslate, type LayoutProps } from 'react-admin';
import { reactRouterProvider } from 'react-admin';
import TableChartIcon from '@mui/icons-material/TableChart';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { resources } from './resources';
import { Dashboard } from './views/Dashboard';
import { TaskTable } from './views/TaskTable';

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

const AppLayout = (props: LayoutProps) => <Layout {...props} menu={AppMenu} />;

export function App() {
  return (
    <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} dashboard={Dashboard} layout={AppLayout} title="浙江省技工院校招生五年行动" disableTelemetry>
      {resources.map((r) => (
        <Resource key={r.name} name={r.name} list={r.list} edit={r.edit} create={r.create} icon={r.icon} recordRepresentation={r.recordRepresentation} />
      ))}
      <CustomRoutes>
        <reactRouterProvider.Route path="/task-table" element={<TaskTable />} />
      </CustomRoutes>
    </Admin>
  );
}
