import {
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type InputObjectTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { ResourceDef } from '../common/resource.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])';

/**
 * Value types other subgraphs are likely to define identically (GB/T 2260 provinces, react-admin's
 * list metadata): `@shareable`, so composing them is not a conflict.
 */
export const SHAREABLE_TYPES = ['Province', 'ListMetadata'];

function directive(name: string, args: Record<string, string> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([arg, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: arg },
      value: { kind: Kind.STRING, value },
    })),
  };
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * Types that describe this system's own administration (accounts, sign-in sessions, the audit trail):
 * never part of a supergraph, nor is any field that returns them.
 */
export const INTERNAL_TYPES = ['User', 'Session', 'AuditEntry'];

/** The mutations a supergraph may offer: record-level create/update/delete of our resources. */
const recordWrites = (resources: ResourceDef[]): Set<string> =>
  new Set(resources.flatMap((def) => ['create', 'update', 'delete'].map((verb) => `${verb}${def.name}`)));

type Field = NonNullable<ObjectTypeDefinitionNode['fields']>[number];

/**
 * Input and enum types that a visible field can reach, through its arguments or its own type; the
 * rest serve hidden fields only (`UserSaveRow`, `Role`).
 */
function reachableTypes(document: DocumentNode, isHidden: (type: string, field: Field) => boolean): Set<string> {
  const inputs = new Map<string, InputObjectTypeDefinitionNode>();
  const objects: ObjectTypeDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(definition.name.value, definition);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && !INTERNAL_TYPES.includes(definition.name.value)) objects.push(definition);
  }
  const reached = new Set<string>();
  const reach = (name: string): void => {
    if (reached.has(name)) return;
    reached.add(name);
    for (const field of inputs.get(name)?.fields ?? []) reach(namedType(field.type));
  };
  for (const type of objects) {
    for (const field of type.fields ?? []) {
      if (isHidden(type.name.value, field)) continue;
      reach(namedType(field.type));
      for (const arg of field.arguments ?? []) reach(namedType(arg.type));
    }
  }
  return reached;
}

const withDirectives = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T, added: ConstDirectiveNode[]): T =>
  ({ ...node, directives: [...(node.directives ?? []), ...added] });

/**
 * What a supergraph sees of this subgraph, decided by rule here so that nothing new leaks by accident:
 * - resources with `keys` are entities, one `@key` per key;
 * - SHAREABLE_TYPES are `@shareable`; entity fields stay owned by this subgraph (key fields are
 *   shareable by federation's own rule), so no other subgraph can answer them with different data;
 * - `@inaccessible`: INTERNAL_TYPES and every field returning one; every mutation except record-level
 *   create/update/delete (bulk grid saves, workflow steps, sign-in and token operations would act
 *   with the gateway's service identity on behalf of whoever calls the supergraph); input and enum
 *   types that only hidden fields use. Hiding every mutation is not an option: a supergraph whose other
 *   subgraphs have no mutations would then fail to compose.
 */
export function addFederationDirectives(document: DocumentNode, resources: ResourceDef[]): DocumentNode {
  const keys = new Map(resources.filter((def) => def.keys?.length).map((def) => [def.name, def.keys!]));
  const writes = recordWrites(resources);
  // Counting rows of an internal resource returns plain ListMetadata, so hide it by name.
  const internalCounts = new Set(resources.filter((def) => INTERNAL_TYPES.includes(def.name)).map((def) => `_all${def.plural}Meta`));
  const isHidden = (type: string, field: Field): boolean =>
    INTERNAL_TYPES.includes(namedType(field.type)) ||
    (type === 'Mutation' && !writes.has(field.name.value)) ||
    (type === 'Query' && internalCounts.has(field.name.value));
  const reachable = reachableTypes(document, isHidden);
  const inaccessible = directive('inaccessible');
  return visit(document, {
    ObjectTypeDefinition(node) {
      const name = node.name.value;
      const fields = node.fields?.map((field) => (isHidden(name, field) ? withDirectives(field, [inaccessible]) : field));
      const added = [
        ...(keys.get(name) ?? []).map((fieldSet) => directive('key', { fields: fieldSet })),
        ...(SHAREABLE_TYPES.includes(name) ? [directive('shareable')] : []),
        ...(INTERNAL_TYPES.includes(name) ? [inaccessible] : []),
      ];
      return withDirectives({ ...node, fields }, added);
    },
    InputObjectTypeDefinition(node) {
      return reachable.has(node.name.value) ? undefined : withDirectives(node, [inaccessible]);
    },
    EnumTypeDefinition(node) {
      return reachable.has(node.name.value) ? undefined : withDirectives(node, [inaccessible]);
    },
  });
}
