import { buildASTSchema, introspectionFromSchema, parse, type IntrospectionObjectType, type IntrospectionQuery } from 'graphql';
import sdl from '../../schema/schema.graphql?raw';

/** The checked-in contract; the admin never asks the server for introspection. */
export const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });

const full = introspectionFromSchema(schema);

/** A single nested object that is not a reference (`figures`, `issuer`): computed per row, never a column. */
function isComputedObject(field: IntrospectionObjectType['fields'][number], siblings: string[]): boolean {
  let type = field.type;
  while (type.kind === 'NON_NULL') type = type.ofType;
  return type.kind === 'OBJECT' && !siblings.includes(`${field.name}Id`);
}

/**
 * The introspection the data provider works from. Child collections (fields with arguments, such as
 * `School.plans`) and computed objects (a summary's `figures`) are left out so that list queries fetch
 * each row's own columns only — and stay within the server's query cost limit at 10 000 rows.
 */
export const introspection: IntrospectionQuery['__schema'] = {
  ...full.__schema,
  types: full.__schema.types.map((type) => {
    if (type.kind !== 'OBJECT' || ['Query', 'Mutation'].includes(type.name)) return type;
    const names = type.fields.map((f) => f.name);
    return { ...type, fields: type.fields.filter((field) => field.args.length === 0 && !isComputedObject(field, names)) } as IntrospectionObjectType;
  }),
};

/** Names of object types that have the react-admin CRUD surface (`all<Plural>`). */
export function resourceTypeNames(): string[] {
  const query = schema.getQueryType()!.getFields();
  return Object.keys(query).filter((name) => schema.getType(name) && query[name]!.args.some((a) => a.name === 'id'));
}

export function hasQuery(name: string): boolean {
  return Boolean(schema.getQueryType()?.getFields()[name]);
}
