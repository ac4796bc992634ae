import { Kind, visit, type ASTNode, type OperationDefinitionNode } from 'graphql';
import { AppError } from './errors.js';

/**
 * NUL (PostgreSQL cannot store it; SQLite cuts text at it) and a UTF-16 surrogate without its pair
 * (stored, it reads back as U+FFFD): no field of ours means either.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasUnstorableText = (text: string): boolean => UNSTORABLE.test(text);

const refused = (field: string) =>
  new AppError({
    code: 'BAD_USER_INPUT',
    rule: 'TEXT',
    field,
    zh: `${field} 含有不允许的字符（空字符或不成对的代理项）`,
    en: `${field} contains a character that is not allowed (NUL or an unpaired surrogate)`,
    details: { http: { status: 400 } },
  });

/** The path (`rows.3.name`) of the first unstorable string in a variable value, if any. */
function findInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findInValue(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableText(key)) return `${path}.${JSON.stringify(key)}`;
      const found = findInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

const nameOf = (node: ASTNode | readonly ASTNode[]): string | null =>
  'kind' in node && (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) ? node.name.value : null;

/** The argument path (`filter.q`) of the first unstorable string literal written in the operation, if any. */
function findInLiterals(operation: OperationDefinitionNode): string | null {
  let found: string | null = null;
  visit(operation, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found || !hasUnstorableText(node.value)) return;
      found =
        [...ancestors, ...(parent ? [parent] : [])]
          .map(nameOf)
          .filter((name): name is string => name !== null)
          .join('.') || 'query';
    },
  });
  return found;
}

// Apollo Server hands the same parsed operation to every request with the same text: its literals are looked at once.
const literalVerdicts = new WeakMap<OperationDefinitionNode, string | null>();

/** Refuses an operation any of whose strings, written inline or passed as variables, holds unstorable text. */
export function checkTextInput(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): void {
  const inVariable = variables ? findInValue(variables, '$') : null;
  let field = inVariable?.replace(/^\$\./, '') ?? null;
  if (!field && operation) {
    if (!literalVerdicts.has(operation)) literalVerdicts.set(operation, findInLiterals(operation));
    field = literalVerdicts.get(operation)!;
  }
  if (field) throw refused(field);
}
