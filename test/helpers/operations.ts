import type { TestApp } from './test-app.js';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

const printType = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${printType(t.ofType!)}!` : t.kind === 'LIST' ? `[${printType(t.ofType!)}]` : t.name!);

const cache = new WeakMap<TestApp, Map<string, Map<string, string>>>();

/** Argument types of every mutation, read from the live schema so tests declare variables exactly. */
async function mutationArgTypes(t: TestApp): Promise<Map<string, Map<string, string>>> {
  let types = cache.get(t);
  if (!types) {
    const data = await t.ok<{ __schema: { mutationType: { fields: Array<{ name: string; args: Array<{ name: string; type: TypeRef }> }> } } }>(`{
      __schema { mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
    }`);
    types = new Map(data.__schema.mutationType.fields.map((f) => [f.name, new Map(f.args.map((a) => [a.name, printType(a.type)]))]));
    cache.set(t, types);
  }
  return types;
}

/** `mutation($a: T!, ...) { name(a: $a, ...) { selection } }` for the given arguments. */
export async function mutationFor(t: TestApp, name: string, args: Record<string, unknown>, selection: string): Promise<string> {
  const argTypes = (await mutationArgTypes(t)).get(name);
  if (!argTypes) throw new Error(`no mutation ${name}`);
  const keys = Object.keys(args);
  const declarations = keys.map((k) => {
    const type = argTypes.get(k);
    if (!type) throw new Error(`${name} has no argument ${k}`);
    return `$${k}: ${type}`;
  });
  return `mutation(${declarations.join(', ')}) { ${name}(${keys.map((k) => `${k}: $${k}`).join(', ')}) { ${selection} } }`;
}
