import { Kind, getNamedType, isObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { propOf, type ResourceDef } from './resource.js';

function selectedNames(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Set<string>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedNames(selection.selectionSet, info, into);
    else selectedNames(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
}

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

function propsFor(def: ResourceDef, info: GraphQLResolveInfo, also: string[]): string[] | undefined {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return undefined;
  const fields = type.getFields();
  const names = new Set<string>();
  for (const node of info.fieldNodes) selectedNames(node.selectionSet, info, names);
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
