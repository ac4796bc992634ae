import type { ComponentType, ReactElement } from 'react';
import {
  AutocompleteInput, Create, Edit, FilterButton, List, NumberInput, SearchInput, SelectInput, SimpleForm, TopToolbar, useTranslate,
} from 'react-admin';
import { Lookups, registerDisplay, type ReferenceDisplay } from '../lookups';
import { enumLabel } from '../sheet/coerce';
import { Sheet } from '../sheet/Sheet';
import type { ColumnSpec } from '../sheet/types';
import { enumValues, useLookups } from '../sheet/useLookups';
import { ColumnInput } from './inputs';

export interface AdminResource {
  name: string;
  list: ComponentType;
  edit: ComponentType;
  create: ComponentType;
  icon: ComponentType;
  recordRepresentation: (record: Record<string, unknown>) => string;
  columns: ColumnSpec[];
}

interface Definition {
  name: string;
  icon: ComponentType;
  columns: ColumnSpec[];
  display: ReferenceDisplay;
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  /** filters offered besides the text search; by default every enum, reference and year column */
  filters?: string[];
  defaults?: Record<string, unknown>;
}

const shared = new Lookups();

function ReferenceFilter({ column, alwaysOn: _alwaysOn }: { column: ColumnSpec; alwaysOn?: boolean; source: string }) {
  const { lookups, ready } = useLookups([column]);
  const choices = ready ? lookups.options(column.reference!).map((o) => ({ id: o.id, name: o.label })) : [];
  return <AutocompleteInput source={column.source} choices={choices} sx={{ minWidth: 220 }} />;
}

function filterInputs(definition: Definition, t: (key: string) => string): ReactElement[] {
  const wanted = definition.filters ?? definition.columns.filter((c) => c.type === 'enum' || c.type === 'reference' || c.source === 'year').map((c) => c.source);
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...wanted.map((source) => {
      const column = definition.columns.find((c) => c.source === source)!;
      if (column.type === 'reference') return <ReferenceFilter key={source} source={source} column={column} />;
      if (column.type === 'enum') {
        return <SelectInput key={source} source={source} choices={enumValues(column.enum!).map((id) => ({ id, name: enumLabel(t, column.enum!, id) }))} />;
      }
      return <NumberInput key={source} source={source} />;
    }),
  ];
}

/** One resource from its column data: the sheet as list, forms with the server's rules, a readable name. */
export function defineResource(definition: Definition): AdminResource {
  registerDisplay(definition.name, definition.display);
  const { name, columns } = definition;

  function ResourceList() {
    const t = useTranslate();
    return (
      <List
        resource={name}
        perPage={10000}
        pagination={false}
        empty={false}
        sort={definition.defaultSort ?? { field: 'id', order: 'ASC' }}
        filters={filterInputs(definition, t)}
        actions={<TopToolbar><FilterButton /></TopToolbar>}
        disableSyncWithLocation={false}
      >
        <Sheet resource={name} columns={columns} defaults={definition.defaults} />
      </List>
    );
  }

  const form = (
    <SimpleForm>
      {columns.map((column) => (
        <ColumnInput key={column.source} column={column} />
      ))}
    </SimpleForm>
  );

  return {
    name,
    columns,
    icon: definition.icon,
    list: ResourceList,
    edit: () => <Edit mutationMode="pessimistic">{form}</Edit>,
    create: () => <Create redirect="list">{form}</Create>,
    recordRepresentation: (record) => definition.display.label(record as Record<string, unknown> & { id: string }, shared),
  };
}
