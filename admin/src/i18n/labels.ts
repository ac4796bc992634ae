import { en } from './en';
import { zhCN } from './zh-CN';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** A label in every language (import accepts headers in any of them). */
export function labelsIn(key: string): string[] {
  return [zhCN, en].flatMap((messages) => {
    const value = lookup(messages, key);
    return typeof value === 'string' ? value.split(' |||| ') : [];
  });
}
