import { buildASTSchema, introspectionFromSchema, parse, type IntrospectionObjectType, type IntrospectionQuery } from 'graphql';
import sdl from '../../schema/schema.graphql?raw';

/** The checked-in contract; the admin never asks the server for introspection. */
export const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });

const full = introspectionFromSchema(schema);

/**
 * The introspection the data provider works from. Child collections (fields with arguments, such as
 * `School.plans`) are left out so that list queries fetch each row's own columns only.
 */
export const introspection: IntrospectionQuery['__schema'] = {
  ...full.__schema,
  types: full.__schema.types.map((type) =>
    type.kind === 'OBJECT' && !['Query', 'Mutation'].includes(type.name)
      ? ({ ...type, fields: type.fields.filter((field) => field.args.length === 0) } as IntrospectionObjectType)
      : type,
  ),
};

/** Names of object types that have the react-admin CRUD surface (`all<Plural>`). */
export function resourceTypeNames(): string[] {
  const query = schema.getQueryType()!.getFields();
  return Object.keys(query).filter((name) => schema.getType(name) && query[name]!.args.some((a) => a.name === 'id'));
}

export function hasQuery(name: string): boolean {
  return Boolean(schema.getQueryType()?.getFields()[name]);
}
