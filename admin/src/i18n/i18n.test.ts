import { describe, expect, test } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { schema } from '../schema';
import { resources } from '../resources';
import { en } from './en';
import { zhCN } from './zh-CN';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  test('Chinese has every key English has, react-admin’s own included, and no others', () => {
    const chinese = new Set(keys(zhCN));
    expect(keys(en).filter((key) => !chinese.has(key))).toEqual([]);
    const english = new Set(keys(en));
    expect([...chinese].filter((key) => !english.has(key))).toEqual([]);
  });

  test('every enum value a resource column uses has a label, and the Chinese one is the schema’s', () => {
    const enums = [...new Set(resources.flatMap((r) => r.columns.flatMap((c) => (c.enum ? [c.enum] : []))))];
    for (const name of enums) {
      const type = schema.getType(name) as GraphQLEnumType;
      const zh = (zhCN.enums as Record<string, Record<string, string>>)[name]!;
      expect(Object.fromEntries(type.getValues().map((v) => [v.name, zh[v.name]]))).toEqual(
        Object.fromEntries(type.getValues().map((v) => [v.name, v.description])),
      );
    }
  });

  test('every resource and column has a label', () => {
    const zh = zhCN.resources as Record<string, { name: string; fields: Record<string, string> }>;
    for (const resource of resources) {
      expect(zh[resource.name]?.name).toBeTypeOf('string');
      expect(resource.columns.filter((c) => !zh[resource.name]!.fields[c.source]).map((c) => c.source)).toEqual([]);
    }
  });
});
