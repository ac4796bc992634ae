import {
  Kind,
  parse,
  print,
  visit,
  type SchemaExtensionNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type InputObjectTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import { propOf, type ResourceDef } from '../common/resource.js';
import { scopeOf } from '../auth/tokens.js';
import { hasListBound, listBound } from '../query-limits.js';
import { ANALYTICS_QUERY_COSTS } from '../modules/analytics/analytics.costs.js';

/** The newest Federation version our pinned @apollo/composition and @apollo/subgraph know. */
export const FEDERATION_VERSION = 'v2.14';

const IMPORTS = ['@key', '@shareable', '@inaccessible', '@tag', '@cost', '@listSize'];
/** Authorization directives: routers only (see addRouterAuthorization). */
const ROUTER_IMPORTS = ['@authenticated', '@requiresScopes'];

const federationLink = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(imports)})`;

export const FEDERATION_LINK = federationLink(IMPORTS);

/**
 * Tags for contract variants: `public` marks what outside systems may see (every type of ours that is
 * not internal, the reads of `Query`; never a mutation); `personal` marks people's names within it. The
 * contract for outside systems includes `public` and excludes `personal`.
 */
export const PUBLIC_TAG = 'public';
export const PERSONAL_TAG = 'personal';

/**
 * Value types other subgraphs are likely to define identically (GB/T 2260 provinces, react-admin's
 * list metadata): `@shareable`, so composing them is not a conflict.
 */
export const SHAREABLE_TYPES = ['Province', 'ListMetadata'];

type ArgValue = string | number | boolean | ArgValue[];

const valueNode = (value: ArgValue): ConstValueNode =>
  Array.isArray(value)
    ? { kind: Kind.LIST, values: value.map(valueNode) }
    : typeof value === 'string'
      ? { kind: Kind.STRING, value }
      : typeof value === 'number'
        ? { kind: Kind.INT, value: String(value) }
        : { kind: Kind.BOOLEAN, value };

function directive(name: string, args: Record<string, ArgValue> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([arg, value]) => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: arg }, value: valueNode(value) })),
  };
}

const isList = (type: TypeNode): boolean => (type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : type.kind === Kind.LIST_TYPE);

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * Types that describe this system's own administration (accounts, sign-in sessions, the audit trail):
 * never part of a supergraph, nor is any field that returns them.
 */
export const INTERNAL_TYPES = ['User', 'Session', 'AuditEntry'];

/** An internal type, or one built from it for lists and aggregates (`UserConnection`, `AuditEntryGroup`). */
const DERIVED_SUFFIXES = ['Connection', 'Edge', 'Group', 'GroupKey', 'Numbers'];
export const isInternalType = (name: string): boolean =>
  INTERNAL_TYPES.some((internal) => name === internal || DERIVED_SUFFIXES.some((suffix) => name === internal + suffix));

/** The mutations a supergraph may offer: record-level create/update/delete of our resources, by name. */
const recordWrites = (resources: ResourceDef[]): Map<string, ResourceDef> =>
  new Map(resources.flatMap((def) => ['create', 'update', 'delete'].map((verb) => [`${verb}${def.name}`, def] as const)));

/** A router may refuse a write early to a token without a scope of a role that may write the resource. */
const writeScopes = (def: ResourceDef): string[][] => def.policy.write.map((role) => [scopeOf(role)]);

/** A cursor page's `edges` / `nodes`: the page field's `@listSize` sizes them (`sizedFields`), by its `first`. */
const isSizedByItsConnection = (type: string, field: Field): boolean => type.endsWith('Connection') && ['edges', 'nodes'].includes(field.name.value);

/** Demand control as the subgraph's own cost model prices a field (query-limits.ts). */
function costDirectives(type: string, field: Field): ConstDirectiveNode[] {
  const coordinate = `${type}.${field.name.value}`;
  const added: ConstDirectiveNode[] = [];
  const weight = ANALYTICS_QUERY_COSTS[coordinate];
  if (weight !== undefined) added.push(directive('cost', { weight }));
  if (hasListBound(coordinate, isList(field.type)) && !isSizedByItsConnection(type, field)) {
    const { assumedSize, slicingArgument, sizedFields } = listBound(
      coordinate,
      namedType(field.type),
      (field.arguments ?? []).map((arg) => arg.name.value),
    );
    const sized: Record<string, ArgValue> = sizedFields ? { sizedFields } : {};
    added.push(
      directive(
        'listSize',
        slicingArgument ? { assumedSize, slicingArguments: [slicingArgument], ...sized, requireOneSlicingArgument: false } : { assumedSize },
      ),
    );
  }
  return added;
}

/** Names of people per resource type (FieldSpec.personal): fields, filters and arguments named so. */
const personalFields = (resources: ResourceDef[]): Map<string, Set<string>> =>
  new Map(resources.map((def) => [def.name, new Set(def.fields.filter((f) => f.personal).map((f) => propOf(f)))]));

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
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && !isInternalType(definition.name.value)) objects.push(definition);
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

const withDirectives = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T, added: ConstDirectiveNode[]): T => ({
  ...node,
  directives: [...(node.directives ?? []), ...added],
});

/**
 * What a supergraph sees of this subgraph, decided by rule here so that nothing new leaks by accident:
 * - resources with `keys` are entities, one `@key` per key;
 * - SHAREABLE_TYPES are `@shareable`; entity fields stay owned by this subgraph (key fields are
 *   shareable by federation's own rule), so no other subgraph can answer them with different data;
 * - `@inaccessible`: INTERNAL_TYPES and every field returning one; every mutation except record-level
 *   create/update/delete (bulk grid saves, workflow steps, sign-in and token operations are this
 *   system's own protocol); input and enum types that only hidden fields use. Hiding every mutation is
 *   not an option: a supergraph whose other subgraphs have no mutations would then fail to compose;
 * - for a router's demand control, `@listSize` / `@cost` from the subgraph's own cost model;
 * - contract tags: PUBLIC_TAG on our types and the reads of `Query`, PERSONAL_TAG on people's names.
 */
export function addFederationDirectives(document: DocumentNode, resources: ResourceDef[]): DocumentNode {
  const keys = new Map(resources.filter((def) => def.keys?.length).map((def) => [def.name, def.keys!]));
  const writes = recordWrites(resources);
  const personal = personalFields(resources);
  // Counting rows of an internal resource returns plain ListMetadata, so hide it by name.
  const internalCounts = new Set(resources.filter((def) => INTERNAL_TYPES.includes(def.name)).map((def) => `_all${def.plural}Meta`));
  const isHidden = (type: string, field: Field): boolean =>
    isInternalType(namedType(field.type)) ||
    (type === 'Mutation' && !writes.has(field.name.value)) ||
    (type === 'Query' && internalCounts.has(field.name.value));
  const reachable = reachableTypes(document, isHidden);
  const inaccessible = directive('inaccessible');
  const tag = (name: string) => directive('tag', { name });
  const isOperation = (type: string) => type === 'Query' || type === 'Mutation';

  const fieldDirectives = (type: string, field: Field): ConstDirectiveNode[] => {
    if (isHidden(type, field)) return [inaccessible];
    const added = costDirectives(type, field);
    if (type === 'Query') added.push(tag(PUBLIC_TAG));
    if (personal.get(type)?.has(field.name.value)) added.push(tag(PERSONAL_TAG));
    return added;
  };
  // Arguments that narrow a list by a person's name (`adjustments(requestedBy: …)`).
  const withPersonalArguments = (field: Field): Field => {
    const names = personal.get(namedType(field.type));
    if (!names?.size || !field.arguments?.some((arg) => names.has(arg.name.value))) return field;
    return { ...field, arguments: field.arguments.map((arg) => (names.has(arg.name.value) ? withDirectives(arg, [tag(PERSONAL_TAG)]) : arg)) };
  };

  return visit(document, {
    ObjectTypeDefinition(node) {
      const name = node.name.value;
      const fields = node.fields?.map((field) => withDirectives(withPersonalArguments(field), fieldDirectives(name, field)));
      const internal = isInternalType(name);
      const added = [
        ...(keys.get(name) ?? []).map((fieldSet) => directive('key', { fields: fieldSet })),
        ...(SHAREABLE_TYPES.includes(name) ? [directive('shareable')] : []),
        ...(internal ? [inaccessible] : isOperation(name) ? [] : [tag(PUBLIC_TAG)]),
      ];
      return withDirectives({ ...node, fields }, added);
    },
    InterfaceTypeDefinition(node) {
      return withDirectives(node, [tag(PUBLIC_TAG)]);
    },
    InputObjectTypeDefinition(node) {
      if (!reachable.has(node.name.value)) return withDirectives(node, [inaccessible]);
      // `PlanAdjustmentFilter.requestedBy`: filtering by a name reveals it as much as reading it.
      const names = personal.get(node.name.value.replace(/Filter$/, ''));
      if (!names?.size) return undefined;
      return { ...node, fields: node.fields?.map((field) => (names.has(field.name.value) ? withDirectives(field, [tag(PERSONAL_TAG)]) : field)) };
    },
    EnumTypeDefinition(node) {
      return reachable.has(node.name.value) ? undefined : withDirectives(node, [inaccessible]);
    },
  });
}

/**
 * The served SDL (`document`, parsed) with what lets a router refuse early what this subgraph refuses
 * anyway: `@authenticated` on every visible operation field (nothing but sign-in is anonymous), and on
 * every visible mutation `@requiresScopes` with the scopes of the roles that may write its resource
 * (tokens carry their role's scope, `scopeOf`). Not served: @apollo/gateway refuses every supergraph
 * that uses these directives (features "for: SECURITY" it does not implement), so routers compose
 * `schema/schema.router.graphql`, written by `pnpm schema:emit`.
 */
export function addRouterAuthorization(document: DocumentNode, resources: ResourceDef[]): DocumentNode {
  const writes = recordWrites(resources);
  const visible = (field: Field) => !field.name.value.startsWith('_') && !field.directives?.some((d) => d.name.value === 'inaccessible');
  return visit(document, {
    SchemaExtension(node) {
      const link = (parse(federationLink([...IMPORTS, ...ROUTER_IMPORTS])).definitions[0] as SchemaExtensionNode).directives!;
      return { ...node, directives: node.directives?.map((d) => (d.name.value === 'link' && print(d).includes('/federation/') ? link[0]! : d)) };
    },
    ObjectTypeDefinition(node) {
      const name = node.name.value;
      if (name !== 'Query' && name !== 'Mutation') return undefined;
      const fields = node.fields?.map((field) => {
        if (!visible(field)) return field;
        const def = writes.get(field.name.value);
        const scopes = name === 'Mutation' && def ? [directive('requiresScopes', { scopes: writeScopes(def) })] : [];
        return withDirectives(field, [directive('authenticated'), ...scopes]);
      });
      return { ...node, fields };
    },
  });
}
