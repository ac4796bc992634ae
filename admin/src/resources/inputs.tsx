import { useMemo } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NumberInput,
  PasswordInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  regex,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { enumLabel } from '../sheet/coerce';
import type { ColumnSpec } from '../sheet/types';
import { STAGE_PLACES } from '../sheet/stages';
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

function ReferenceChoiceInput({ column, disabled }: { column: ColumnSpec; disabled: boolean }) {
  const columns = useMemo(() => [column], [column]);
  const { lookups, ready } = useLookups(columns);
  const choices = useMemo(() => (ready ? lookups.options(column.reference!).map((o) => ({ id: o.id, name: o.label })) : []), [lookups, ready, column]);
  return (
    <AutocompleteInput source={column.source} choices={choices} validate={validators(column)} isPending={!ready} disabled={disabled} sx={{ minWidth: 320 }} />
  );
}

/** Stages of a cross-region model in order: where, and how many years (R12: they add up to the programme's length). */
function StagesInput({ column, disabled }: { column: ColumnSpec; disabled: boolean }) {
  const t = useTranslate();
  const places = STAGE_PLACES.map((id) => ({ id, name: enumLabel(t, 'StageWhere', id) }));
  return (
    <ArrayInput source={column.source} validate={validators(column)}>
      <SimpleFormIterator inline disableReordering={disabled} disableAdd={disabled} disableRemove={disabled}>
        <SelectInput source="where" label="stages.where" choices={places} validate={required()} disabled={disabled} />
        <NumberInput source="years" label="stages.years" min={1} max={6} validate={[required(), minValue(1), maxValue(6)]} disabled={disabled} />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

/** The form input for a column, by type; `disabled` for read-only roles. */
export function ColumnInput({ column, disabled = false }: { column: ColumnSpec; disabled?: boolean }) {
  const t = useTranslate();
  const props = { source: column.source, validate: validators(column), disabled: disabled || column.editable === false };
  if (column.secret) return <PasswordInput {...props} autoComplete="new-password" />;
  switch (column.type) {
    case 'stages':
      return <StagesInput column={column} disabled={props.disabled} />;
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
      return <ReferenceChoiceInput column={column} disabled={props.disabled} />;
    default:
      return (
        <TextInput
          {...props}
          multiline={column.multiline}
          minRows={column.multiline ? 3 : undefined}
          sx={column.multiline ? { width: '100%', maxWidth: 720 } : undefined}
        />
      );
  }
}
