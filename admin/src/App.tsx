import { Admin, CustomRoutes, Resource } from 'react-admin';
import { reactRouterProvider } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { canRead, canWrite, type Permissions } from './auth/permissions';
import { mayAsk } from './contract';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppLayout } from './AppLayout';
import { resources } from './resources';
import { Dashboard } from './views/dashboard/Dashboard';
import { TaskTable } from './views/task-table/TaskTable';
import { TasksPage } from './views/tasks/TasksPage';
import { DuplicatesPage } from './views/duplicates/DuplicatesPage';

export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginPage}
      requireAuth
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      title="浙江省技工院校招生五年行动"
      disableTelemetry
    >
      {(permissions: Permissions | null) => [
        ...resources
          .filter((r) => canRead(permissions ?? undefined, r.name))
          .map((r) => (
            <Resource
              key={r.name}
              name={r.name}
              list={r.list}
              edit={r.edit}
              create={!r.readOnly && canWrite(permissions ?? undefined, r.name) ? r.create : undefined}
              icon={r.icon}
              recordRepresentation={r.recordRepresentation}
            />
          )),
        <CustomRoutes key="views">
          <reactRouterProvider.Route path="/task-table" element={<TaskTable />} />
          <reactRouterProvider.Route path="/tasks" element={<TasksPage />} />
          {/* the province admin's alone (docs/roles.md): others have neither the menu entry nor the page */}
          {mayAsk('duplicateStudents', permissions?.role) && <reactRouterProvider.Route path="/duplicate-students" element={<DuplicatesPage />} />}
        </CustomRoutes>,
      ]}
    </Admin>
  );
}
