import type { ComponentType } from 'react';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, TopToolbar, ListButton, usePermissions, useResourceContext } from 'react-admin';
import { canRead, canWrite, type Permissions } from '../auth/permissions';
import { HistoryPanel } from '../history/HistoryPanel';
import type { ColumnSpec } from '../sheet/types';
import { ColumnInput } from './inputs';

/** A record's form: every column as an input with the server's field rules; read-only roles only look. */
export function RecordForm({ columns, readOnly }: { columns: ColumnSpec[]; readOnly: boolean }) {
  const resource = useResourceContext()!;
  const { permissions } = usePermissions<Permissions>();
  const writable = !readOnly && canWrite(permissions, resource);
  const toolbar = writable ? (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
  ) : (
    false
  );
  return (
    <SimpleForm toolbar={toolbar}>
      {columns.map((column) => (
        <ColumnInput key={column.source} column={column} disabled={!writable} />
      ))}
    </SimpleForm>
  );
}

/** The record page: its form, its own actions, and beside it the history of every change made to it. */
export function RecordEdit({ columns, readOnly, actions: Actions }: { columns: ColumnSpec[]; readOnly: boolean; actions?: ComponentType }) {
  const resource = useResourceContext()!;
  const { permissions } = usePermissions<Permissions>();
  return (
    <Edit
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          {Actions && <Actions />}
          <ListButton />
        </TopToolbar>
      }
      aside={canRead(permissions, 'AuditEntry') ? <HistoryPanel resource={resource} columns={columns} /> : undefined}
    >
      <RecordForm columns={columns} readOnly={readOnly} />
    </Edit>
  );
}
