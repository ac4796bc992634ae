import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { LinearProgress } from '@mui/material';
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

/**
 * A view loaded when first shown (the dashboard's charts are most of the views' code): a sheet opened at
 * start or right after signing in does not wait for it to load and render. Until its code is in, a bar
 * marked as loading stands in its place.
 */
function lazyView(load: () => Promise<ComponentType>): () => ReactElement {
  const View = lazy(() => load().then((component) => ({ default: component })));
  return function LazyView() {
    return (
      <Suspense
        fallback={
          <div data-state="loading">
            <LinearProgress />
          </div>
        }
      >
        <View />
      </Suspense>
    );
  };
}

const Dashboard = lazyView(() => import('./views/dashboard/Dashboard').then((m) => m.Dashboard));
const TaskTable = lazyView(() => import('./views/task-table/TaskTable').then((m) => m.TaskTable));
const TasksPage = lazyView(() => import('./views/tasks/TasksPage').then((m) => m.TasksPage));
const DuplicatesPage = lazyView(() => import('./views/duplicates/DuplicatesPage').then((m) => m.DuplicatesPage));

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
