import type { ComponentType } from 'react';
import { Create, FilterButton, List, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { canWrite, type Permissions } from '../auth/permissions';
import { Lookups, registerDisplay, type ReferenceDisplay } from '../lookups';
import { Sheet } from '../sheet/Sheet';
import { preloadLookups } from '../sheet/useLookups';
import type { SheetActionsProps } from '../sheet/actions';
import type { ColumnData, ColumnSpec } from '../sheet/types';
import { filterInputs } from './filters';
import { withServerLimits } from '../contract';
import { RecordEdit, RecordForm } from './RecordPage';

export interface AdminResource {
  name: string;
  list: ComponentType;
  edit: ComponentType;
  create: ComponentType;
  icon: ComponentType;
  recordRepresentation: (record: Record<string, unknown>) => string;
  columns: ColumnSpec[];
  /** written only through the resource's own actions, never by create/update/delete */
  readOnly: boolean;
}

interface Definition {
  name: string;
  icon: ComponentType;
  /** presentation only: limits come from the server's contract */
  columns: ColumnData[];
  display: ReferenceDisplay;
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  /** filters offered besides the text search; by default every enum, reference and year column */
  filters?: string[];
  defaults?: Record<string, unknown>;
  /** the columns that identify a row on import (the server's unique key): a matching line updates that row */
  naturalKey?: string[];
  readOnly?: boolean;
  /** buttons above the sheet acting on the ticked rows (workflow steps) */
  sheetActions?: ComponentType<SheetActionsProps>;
  /** buttons on a record's page (submit a summary) */
  recordActions?: ComponentType;
}

const shared = new Lookups();

/** One resource from its column data: the sheet as list, forms with the server's rules, a readable name. */
export function defineResource(definition: Definition): AdminResource {
  registerDisplay(definition.name, definition.display);
  const { name } = definition;
  const columns = withServerLimits(name, definition.columns);
  const readOnly = definition.readOnly ?? false;

  function ResourceList() {
    const t = useTranslate();
    const { permissions, isPending } = usePermissions<Permissions>();
    // the names the sheet shows are its largest request: asked for as the list starts (cached, so asked once)
    preloadLookups(columns);
    // the sheet starts with the role's rights, never switching from read-only under a person's first edit
    if (isPending) return null;
    return (
      <List
        resource={name}
        pagination={false}
        // the sheet reads its rows itself, a block at a time; the list holds only the filter and sort
        queryOptions={{ enabled: false }}
        empty={false}
        sort={definition.defaultSort ?? { field: 'id', order: 'ASC' }}
        filters={filterInputs(columns, definition.filters, t)}
        actions={
          <TopToolbar>
            <FilterButton />
          </TopToolbar>
        }
        disableSyncWithLocation={false}
      >
        <Sheet
          resource={name}
          columns={columns}
          defaults={definition.defaults}
          naturalKey={definition.naturalKey}
          readOnly={readOnly || !canWrite(permissions, name)}
          actions={definition.sheetActions}
        />
      </List>
    );
  }

  return {
    name,
    columns,
    readOnly,
    icon: definition.icon,
    list: ResourceList,
    edit: () => <RecordEdit columns={columns} readOnly={readOnly} actions={definition.recordActions} />,
    create: () => (
      <Create redirect="list">
        <RecordForm columns={columns} readOnly={false} />
      </Create>
    ),
    recordRepresentation: (record) => definition.display.label(record as Record<string, unknown> & { id: string }, shared),
  };
}
