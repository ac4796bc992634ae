import type { ReactElement } from 'react';
import { AutocompleteInput, NumberInput, SearchInput, SelectInput } from 'react-admin';
import { enumLabel, type Translate } from '../sheet/coerce';
import type { ColumnSpec } from '../sheet/types';
import { enumValues, useLookups } from '../sheet/useLookups';

function ReferenceFilter({ column, alwaysOn: _alwaysOn }: { column: ColumnSpec; alwaysOn?: boolean; source: string }) {
  const { lookups, ready } = useLookups([column]);
  const choices = ready ? lookups.options(column.reference!).map((o) => ({ id: o.id, name: o.label })) : [];
  return <AutocompleteInput source={column.source} choices={choices} sx={{ minWidth: 220 }} />;
}

/** The text search plus a filter per wanted column (by default every enum, reference and year column). */
export function filterInputs(columns: ColumnSpec[], wanted: string[] | undefined, t: Translate): ReactElement[] {
  const sources =
    wanted ?? columns.filter((c) => (c.type === 'enum' || c.type === 'reference' || c.source === 'year') && c.filter !== false).map((c) => c.source);
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...sources.map((source) => {
      const column = columns.find((c) => c.source === source)!;
      if (column.type === 'reference') return <ReferenceFilter key={source} source={source} column={column} />;
      if (column.type === 'enum') {
        return <SelectInput key={source} source={source} choices={enumValues(column.enum!).map((id) => ({ id, name: enumLabel(t, column.enum!, id) }))} />;
      }
      return <NumberInput key={source} source={source} />;
    }),
  ];
}
