import { useMemo } from 'react';
import {
  AutocompleteInput, BooleanInput, DateInput, NumberInput, SelectArrayInput, SelectInput, TextInput,
  maxLength, maxValue, minValue, regex, required, useTranslate, type Validator,
} from 'react-admin';
import { enumLabel } from '../sheet/coerce';
import type { ColumnSpec } from '../sheet/types';
import { enumValues, useLookups } from '../sheet/useLookups';

/** The server's field rules as react-admin validators. */
export function validators(column: ColumnSpec): Validator[] {
  return [
    ...(column.required ? [required()] : []),
    ...(column.min !== undefined ? [minValue(column.min)] : []),
    ...(column.max !== undefined ? [maxValue(column.max)] : []),
    ...(column.maxLength !== undefined ? [maxLength(column.maxLength)] : []),
    ...(column.pattern ? [regex(column.pattern.regex, column.pattern.message)] : []),
  ];
}

function ReferenceChoiceInput({ column }: { column: ColumnSpec }) {
  const columns = useMemo(() => [column], [column]);
  const { lookups, ready } = useLookups(columns);
  const choices = useMemo(() => (ready ? lookups.options(column.reference!).map((o) => ({ id: o.id, name: o.label })) : []), [lookups, ready, column]);
  return <AutocompleteInput source={column.source} choices={choices} validate={validators(column)} isPending={!ready} sx={{ minWidth: 320 }} />;
}

/** The form input for a column, by type. */
export function ColumnInput({ column }: { column: ColumnSpec }) {
  const t = useTranslate();
  const props = { source: column.source, validate: validators(column), disabled: column.editable === false };
  switch (column.type) {
    case 'int':
    case 'float':
      return <NumberInput {...props} />;
    case 'date':
      return <DateInput {...props} />;
    case 'boolean':
      return <BooleanInput source={column.source} disabled={props.disabled} />;
    case 'enum':
    case 'enumList': {
      const choices = enumValues(column.enum!).map((id) => ({ id, name: enumLabel(t, column.enum!, id) }));
      return column.type === 'enum' ? <SelectInput {...props} choices={choices} /> : <SelectArrayInput {...props} choices={choices} />;
    }
    case 'reference':
      return <ReferenceChoiceInput column={column} />;
    default:
      return <TextInput {...props} />;
  }
}
