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

/** The grid's all-or-nothing bulk saves (`saveSchools`): rows are addressed by index, a protocol of our admin. */
const bulkSaves = (resources: ResourceDef[]): Set<string> => new Set(resources.map((def) => `save${def.plural}`));

/** Input types that some argument of a visible root field can reach; the rest serve hidden fields only. */
function visibleInputTypes(document: DocumentNode, hidden: Set<string>): Set<string> {
  const inputs = new Map<string, InputObjectTypeDefinitionNode>();
  const roots: ObjectTypeDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(definition.name.value, definition);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) roots.push(definition);
  }
  const reached = new Set<string>();
  const reach = (name: string): void => {
    const input = inputs.get(name);
    if (!input || reached.has(name)) return;
    reached.add(name);
    for (const field of input.fields ?? []) reach(namedType(field.type));
  };
  for (const type of roots) {
    for (const field of type.fields ?? []) {
      if (type.name.value === 'Mutation' && hidden.has(field.name.value)) continue;
      for (const arg of field.arguments ?? []) reach(namedType(arg.type));
    }
  }
  return reached;
}

const withDirectives = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T, added: ConstDirectiveNode[]): T =>
  ({ ...node, directives: [...(node.directives ?? []), ...added] });

/**
 * What a supergraph sees of this subgraph, decided here by rule rather than field by field:
 * - resources with `keys` are entities, one `@key` per key;
 * - SHAREABLE_TYPES are `@shareable`; entity fields stay owned by this subgraph (key fields are
 *   shareable by federation's own rule), so no other subgraph can answer them with different data;
 * - the bulk `save*` mutations, and input types only they use, are `@inaccessible`. Record-level
 *   reads and writes stay visible: which of them a caller may use is decided by authorisation,
 *   which the supergraph cannot bypass. (Hiding every mutation is not possible per field: a
 *   supergraph whose other subgraphs have no mutations would fail to compose.)
 */
export function addFederationDirectives(document: DocumentNode, resources: ResourceDef[]): DocumentNode {
  const keys = new Map(resources.filter((def) => def.keys?.length).map((def) => [def.name, def.keys!]));
  const hidden = bulkSaves(resources);
  const visibleInputs = visibleInputTypes(document, hidden);
  return visit(document, {
    ObjectTypeDefinition(node) {
      const name = node.name.value;
      if (name === 'Mutation') {
        return { ...node, fields: node.fields?.map((field) => (hidden.has(field.name.value) ? withDirectives(field, [directive('inaccessible')]) : field)) };
      }
      const added = [
        ...(keys.get(name) ?? []).map((fields) => directive('key', { fields })),
        ...(SHAREABLE_TYPES.includes(name) ? [directive('shareable')] : []),
      ];
      return added.length > 0 ? withDirectives(node, added) : undefined;
    },
    InputObjectTypeDefinition(node) {
      return visibleInputs.has(node.name.value) ? undefined : withDirectives(node, [directive('inaccessible')]);
    },
  });
}
