import type { ResourceDef } from '../common/resource.js';

/**
 * One part of an entity key: the entity property whose column holds it, and where the value sits in a
 * representation (`['year']`, or `['program', 'id']` for the id of a many-to-one reference).
 */
export interface KeyPart {
  prop: string;
  path: string[];
}

/** A key of an entity as `_entities` reads it: its `@key(fields:)` text and its parts (one for a single-field key). */
export interface EntityKey {
  fields: string;
  parts: KeyPart[];
}

/**
 * The parts of a key's field set: plain fields (`year season`) and the id of a reference
 * (`program { id }`); nothing deeper, since every part must be one column of the entity's own table.
 */
export function parseKey(fields: string): EntityKey {
  const tokens = fields.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]|\S/g) ?? [];
  const parts: KeyPart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i]!;
    if (!/^[A-Za-z_]/.test(name)) throw new Error(`key "${fields}": unexpected "${name}"`);
    if (tokens[i + 1] === '{') {
      if (tokens[i + 2] !== 'id' || tokens[i + 3] !== '}') throw new Error(`key "${fields}": only "${name} { id }" may nest`);
      parts.push({ prop: name, path: [name, 'id'] });
      i += 3;
    } else {
      parts.push({ prop: name, path: [name] });
    }
  }
  if (parts.length === 0) throw new Error('an empty key');
  return { fields, parts };
}

const parsed = new WeakMap<ResourceDef, EntityKey[]>();

/** A resource's keys, parsed once. */
export function keysOf(def: ResourceDef): EntityKey[] {
  let keys = parsed.get(def);
  if (!keys) parsed.set(def, (keys = (def.keys ?? []).map(parseKey)));
  return keys;
}

/** The value at a part's path in a representation; undefined where the representation has none. */
export function valueAt(representation: Record<string, unknown>, part: KeyPart): unknown {
  let value: unknown = representation;
  for (const step of part.path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}
