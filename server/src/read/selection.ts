import { Kind, getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { propOf, resourceOf, type EntityClass, type ResourceDef } from '../common/resource.js';

/** What the props of a field depend on: its nodes, its type and the document's fragments. */
type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'returnType' | 'fragments'>;

/** The fields a selection set asks for, through inline fragments and fragment spreads. */
function fieldNodesIn(selectionSet: SelectionSetNode | undefined, info: Pick<Selection, 'fragments'>, into: FieldNode[]): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldNodesIn(selection.selectionSet, info, into);
    else fieldNodesIn(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
}

/** The nodes of the fields a resolver's selection asks for, through fragments. */
export function selectedFieldNodes(info: Pick<Selection, 'fieldNodes' | 'fragments'>): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (const node of info.fieldNodes) fieldNodesIn(node.selectionSet, info, nodes);
  return nodes;
}

/** The names of the fields a resolver's selection asks for, through fragments. */
export function selectedFieldNames(info: Pick<Selection, 'fieldNodes' | 'fragments'>): Set<string> {
  return new Set(selectedFieldNodes(info).map((node) => node.name.value));
}

const responseKey = (node: FieldNode) => node.alias?.value ?? node.name.value;

const known = new WeakMap<GraphQLResolveInfo['fieldNodes'], string[] | undefined>();

/**
 * The entity properties a resolver's rows need for the fields the query selects: plain columns by
 * name, references by their property, `id` always (child collections and DataLoaders key on it).
 * Undefined, meaning every column, when a selected field has its own resolver that may read any
 * property (the agreement `model`, a plan's `issuer`).
 */
export function selectedProps(def: ResourceDef, info: GraphQLResolveInfo, also: string[] = []): string[] | undefined {
  // Every row of a list resolves a child field with the same field nodes: work the answer out once.
  if (!known.has(info.fieldNodes)) known.set(info.fieldNodes, propsFor(def, info, also));
  return known.get(info.fieldNodes);
}

const knownOn = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, string[] | undefined>>();

/**
 * `selectedProps` for the rows of one member type of an abstract field: of
 * `_entities { __typename ... on School { name } ... on City { code } }`, School's rows need `id` and `name`.
 */
export function selectedPropsOn(def: ResourceDef, info: GraphQLResolveInfo, also: string[] = []): string[] | undefined {
  let byType = knownOn.get(info.fieldNodes);
  if (!byType) knownOn.set(info.fieldNodes, (byType = new Map()));
  if (!byType.has(def.name)) {
    const onType = (selectionSet: SelectionSetNode | undefined): SelectionSetNode => ({
      kind: Kind.SELECTION_SET,
      selections: (selectionSet?.selections ?? []).filter((selection) =>
        selection.kind === Kind.INLINE_FRAGMENT
          ? !selection.typeCondition || selection.typeCondition.name.value === def.name
          : selection.kind !== Kind.FRAGMENT_SPREAD || info.fragments[selection.name.value]?.typeCondition.name.value === def.name,
      ),
    });
    const fieldNodes = info.fieldNodes.map((node) => ({ ...node, selectionSet: onType(node.selectionSet) }));
    const returnType = info.schema.getType(def.name) as GraphQLObjectType;
    byType.set(def.name, propsFor(def, { fieldNodes, returnType, fragments: info.fragments }, also));
  }
  return byType.get(def.name);
}

/** A many-to-one reference the query selects under a record, and the columns its fields need. */
export interface SelectedReference {
  prop: string;
  entity: EntityClass;
  props: string[] | undefined;
}

/**
 * The references (`school { city { … } }`) selected under the record a resolver returns, each with
 * the props its own resolver will ask the DataLoader for: what `selectedProps` gives that resolver,
 * worked out here from the parent's selection. One entry per reference, for its first response key.
 */
export function selectedReferences(def: ResourceDef, info: GraphQLResolveInfo): SelectedReference[] {
  if (!knownReferences.has(info.fieldNodes)) knownReferences.set(info.fieldNodes, referencesFor(def, info));
  return knownReferences.get(info.fieldNodes)!;
}

const knownReferences = new WeakMap<GraphQLResolveInfo['fieldNodes'], SelectedReference[]>();

function referencesFor(def: ResourceDef, info: GraphQLResolveInfo): SelectedReference[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  const nodes: FieldNode[] = [];
  for (const node of info.fieldNodes) fieldNodesIn(node.selectionSet, info, nodes);
  const references: SelectedReference[] = [];
  for (const field of def.fields.filter((f) => f.kind === 'ref')) {
    const prop = propOf(field);
    const first = nodes.find((n) => n.name.value === prop && n.selectionSet);
    if (!first) continue;
    const fieldNodes = nodes.filter((n) => n.name.value === prop && responseKey(n) === responseKey(first));
    const target = resourceOf(field.target!());
    const props = target && propsFor(target, { fieldNodes, returnType: type.getFields()[prop]!.type, fragments: info.fragments }, []);
    references.push({ prop, entity: field.target!(), props });
  }
  return references;
}

function propsFor(def: ResourceDef, info: Selection, also: string[]): string[] | undefined {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return undefined;
  const fields = type.getFields();
  const nodes: FieldNode[] = [];
  for (const node of info.fieldNodes) fieldNodesIn(node.selectionSet, info, nodes);
  const names = new Set(nodes.map((node) => node.name.value));
  const props = new Set(['id', ...also]);
  for (const name of names) {
    if (name.startsWith('__')) continue;
    const reference = def.fields.find((f) => f.kind === 'ref' && (f.name === name || propOf(f) === name));
    if (reference) props.add(propOf(reference));
    else if (def.children?.some((c) => c.name === name)) continue;
    else if (fields[name] && !fields[name].resolve) props.add(name);
    else return undefined;
  }
  return [...props].sort();
}

/** How many times the operation's top level asks for a field, under any alias and through fragments. */
export function fieldCount(info: GraphQLResolveInfo, name: string): number {
  const nodes: FieldNode[] = [];
  fieldNodesIn(info.operation.selectionSet, info, nodes);
  return nodes.filter((node) => node.name.value === name).length;
}
