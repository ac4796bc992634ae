import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** A small deterministic random source (mulberry32), so a failing run can be repeated from its seed. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Values an attacker or a careless client sends, alongside ordinary ones. */
const STRINGS = [
  '',
  ' ',
  'a',
  '杭州',
  '杭州市技师学院',
  '330100',
  '0101',
  '2026-09-01',
  "'; drop table school; --",
  '%',
  '_',
  '\\',
  '\u0000',
  '\uD800',
  '\uDC00x',
  '😀',
  'x'.repeat(300),
  '<script>alert(1)</script>',
  'null',
  '{"a":1}',
  'ASC',
  'DESC',
  'id',
  'name',
];
const INTS = [0, 1, 2, -1, 7, 11, 100, 2023, 2026, 2027, 10000, 10001, 2147483647, -2147483648];
const FLOATS = [0, 0.5, -1.5, 1e9, 3.14];
const IDS = ['1', '2', '3', '0', '-1', '9999999999', 'abc', '1e3', ' 1', '2147483647', '12'];
const DATES = ['2026-09-01', '2023-01-01', '2027-12-31', '2026-02-30', 'yesterday', '', '9999-99-99'];

/** Operations that would end the fuzzer's own session or take away its account. */
const LEFT_OUT = new Set(['logout', 'refreshToken', 'createUser', 'updateUser', 'deleteUser', 'saveUsers', 'issueServiceToken']);

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

function scalarValue(name: string, random: Random): unknown {
  // Now and then a value of the wrong kind: coercion must refuse it cleanly.
  if (random.chance(0.05)) return random.pick<unknown>([true, 1.5, 'text', [], {}, -7]);
  switch (name) {
    case 'Int':
      return random.pick(INTS);
    case 'Float':
      return random.pick(FLOATS);
    case 'Boolean':
      return random.chance(0.5);
    case 'ID':
      return random.pick(IDS);
    case 'String':
      return random.pick(STRINGS);
    default:
      return /date/i.test(name) ? random.pick(DATES) : random.pick<unknown>([...STRINGS.slice(0, 6), ...INTS.slice(0, 4)]);
  }
}

function inputValue(type: GraphQLInputType, random: Random, depth: number): unknown {
  if (isNonNullType(type)) return inputValue(type.ofType, random, depth);
  if (random.chance(0.05)) return null;
  if (isListType(type)) return Array.from({ length: random.pick([0, 1, 2, 3, 12]) }, () => inputValue(type.ofType, random, depth + 1));
  if (isEnumType(type)) return random.chance(0.03) ? 'NO_SUCH_VALUE' : random.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 3) return value;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || random.chance(0.3)) value[field.name] = inputValue(field.type, random, depth + 1);
    }
    return value;
  }
  return isScalarType(type) ? scalarValue(type.name, random) : null;
}

function selection(type: GraphQLObjectType, random: Random, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)));
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const chosen = new Set<string>(['__typename']);
  for (let i = 0; i < 1 + random.int(4) && leaves.length; i++) chosen.add(random.pick(leaves).name);
  if (depth < 3) {
    for (let i = 0; i < random.int(3) && objects.length; i++) {
      const field = random.pick(objects);
      chosen.add(`${field.name} { ${selection(getNamedType(field.type) as GraphQLObjectType, random, depth + 1)} }`);
    }
  }
  return [...chosen].join(' ');
}

function subselection(field: GraphQLField<unknown, unknown>, random: Random): string {
  const type = getNamedType(field.type);
  if (isObjectType(type)) return ` { ${selection(type, random, 1)} }`;
  if (isUnionType(type) || isInterfaceType(type)) return ' { __typename }';
  return '';
}

/** One random operation against a root field, its arguments passed as variables of their declared types. */
export function randomOperation(schema: GraphQLSchema, random: Random): Operation {
  const mutation = random.chance(0.3) && schema.getMutationType();
  const root = (mutation || schema.getQueryType())!;
  const fields = Object.values(root.getFields()).filter((f) => !LEFT_OUT.has(f.name) && !f.name.startsWith('_entities'));
  const field = random.pick(fields);
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || random.chance(0.5));
  for (const [i, arg] of args.entries()) {
    declarations.push(`$v${i}: ${String(arg.type)}`);
    variables[`v${i}`] = inputValue(arg.type, random, 0);
  }
  const call = `${field.name}${args.length ? `(${args.map((a, i) => `${a.name}: $v${i}`).join(', ')})` : ''}${subselection(field, random)}`;
  const query = `${mutation ? 'mutation' : 'query'}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${call} }`;
  // Now and then a document cut short or with a stray character: the parser must refuse it cleanly.
  if (random.chance(0.03)) return { query: query.slice(0, random.int(query.length)), variables };
  if (random.chance(0.02)) return { query: query.replace('{', random.pick(['{{', '(', '@', '\u0000'])), variables };
  return { query, variables };
}
