import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError } from '../common/errors.js';
import { unauthenticated } from '../auth/scope.js';
import { REQUEST_LIMITS, type RequestLimit } from './limits.js';
import { REMEMBERED_DOCUMENTS } from '../document-store.js';

const LIMIT_WORDS: Record<RequestLimit, [string, string]> = {
  BODY_BYTES: ['请求体字节数', 'request body bytes'],
  JSON_DEPTH: ['请求体 JSON 的嵌套层数', 'nesting levels of the JSON body'],
  TOKENS: ['查询文档的词法单元数', 'tokens in the query document'],
  ALIASES: ['字段别名数', 'aliased fields'],
  FIELDS: ['字段数', 'fields'],
  DIRECTIVES: ['指令数', 'directives'],
};

/** A request over one of the limits; `actual` is left out where counting stopped at the limit. */
export function overLimit(limit: RequestLimit, maximum: number, actual?: number): AppError {
  const [zh, en] = LIMIT_WORDS[limit];
  const status = limit === 'BODY_BYTES' ? 413 : 400;
  return new AppError({
    code: limit === 'BODY_BYTES' ? 'PAYLOAD_TOO_LARGE' : 'REQUEST_TOO_LARGE',
    zh: `请求过大：${zh}超过上限 ${maximum}`,
    en: `request too large: ${en} exceed the limit of ${maximum}`,
    details: { limit, maximum, ...(actual === undefined ? {} : { actual }), http: { status } },
  });
}

/** Whether a parsed JSON value nests deeper than `limit` objects and arrays, found without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
  }
  return false;
}

export const malformedBody = (why: string) =>
  new AppError({
    code: 'BAD_REQUEST',
    zh: `请求体不是有效的 JSON：${why}`,
    en: `the request body is not valid JSON: ${why}`,
    details: { http: { status: 400 } },
  });

const anonymousOnlyLogin = () =>
  new AppError({
    code: 'BAD_REQUEST',
    zh: '未登录的请求只能是一个不带别名和指令的 login',
    en: 'a request without sign-in may only be one login, without aliases or directives',
    details: { http: { status: 400 } },
  });

interface Counts {
  fields: number;
  aliases: number;
}

/** Fields and aliases of a selection set, each fragment spread counted as often as it is spread. */
function countSelections(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, Counts>, visiting: Set<string>): Counts {
  const total: Counts = { fields: 0, aliases: 0 };
  const add = (c: Counts) => {
    total.fields += c.fields;
    total.aliases += c.aliases;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      add({ fields: 1, aliases: selection.alias ? 1 : 0 });
      if (selection.selectionSet) add(countSelections(selection.selectionSet, fragments, memo, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(countSelections(selection.selectionSet, fragments, memo, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown and cyclic spreads are left to validation, which refuses them.
      if (!fragment || visiting.has(name)) continue;
      if (!memo.has(name)) {
        visiting.add(name);
        memo.set(name, countSelections(fragment.selectionSet, fragments, memo, visiting));
        visiting.delete(name);
      }
      add(memo.get(name)!);
    }
  }
  return total;
}

function countDirectives(document: DocumentNode): number {
  let directives = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { kind, directives: own } = node as { kind?: string; directives?: unknown[] };
    if (kind === undefined) return;
    directives += own?.length ?? 0;
    for (const [key, value] of Object.entries(node)) if (key !== 'directives' && typeof value === 'object') visit(value);
  };
  visit(document.definitions);
  return directives;
}

/** The document's fields, aliases and directives against the limits of a signed-in request. */
function checkShape(document: DocumentNode): AppError | null {
  const directives = countDirectives(document);
  if (directives > REQUEST_LIMITS.directives) return overLimit('DIRECTIVES', REQUEST_LIMITS.directives, directives);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const memo = new Map<string, Counts>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const { fields, aliases } = countSelections(definition.selectionSet, fragments, memo, new Set());
    if (aliases > REQUEST_LIMITS.aliases) return overLimit('ALIASES', REQUEST_LIMITS.aliases, aliases);
    if (fields > REQUEST_LIMITS.fields) return overLimit('FIELDS', REQUEST_LIMITS.fields, fields);
  }
  return null;
}

/** An anonymous document is one mutation of one unaliased `login`, nothing else. */
function checkAnonymous(document: DocumentNode): AppError | null {
  const [operation, ...rest] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return unauthenticated();
  const [field, ...others] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD || field.name.value !== 'login') return unauthenticated();
  if (rest.length || others.length || field.alias || field.directives?.length || operation.directives?.length) return anonymousOnlyLogin();
  return null;
}

/** Parses with a token cap: the parser stops at the limit instead of building a huge document. */
function parseWithin(query: string, maxTokens: number): DocumentNode | 'TOO_MANY_TOKENS' | 'SYNTAX' {
  try {
    return parse(query, { noLocation: true, maxTokens });
  } catch (error) {
    return error instanceof GraphQLError && /\d+ tokens\. Parsing aborted/.test(error.message) ? 'TOO_MANY_TOKENS' : 'SYNTAX';
  }
}

// Clients send the same few documents over and over: the verdict on each is kept (short texts only,
// a bounded number of them), so that a signed-in request's document is parsed once here at most.
const verdicts = new Map<string, AppError | null>();

/**
 * The request budget of a document, checked before Apollo parses and validates it: a typed error to
 * refuse it with, or null. Syntax errors are left to Apollo (it reports them as GraphQL does), except
 * for anonymous requests, which are refused as not signed in.
 */
export function checkDocument(query: string, anonymous: boolean): AppError | null {
  if (anonymous) {
    const document = parseWithin(query, REQUEST_LIMITS.anonymousTokens);
    if (document === 'TOO_MANY_TOKENS') return overLimit('TOKENS', REQUEST_LIMITS.anonymousTokens);
    return document === 'SYNTAX' ? unauthenticated() : checkAnonymous(document);
  }
  const known = verdicts.get(query);
  if (known !== undefined) return known;
  const document = parseWithin(query, REQUEST_LIMITS.tokens);
  const verdict = document === 'TOO_MANY_TOKENS' ? overLimit('TOKENS', REQUEST_LIMITS.tokens) : document === 'SYNTAX' ? null : checkShape(document);
  if (query.length <= REMEMBERED_DOCUMENTS.maxLength) {
    if (verdicts.size >= REMEMBERED_DOCUMENTS.count) verdicts.clear();
    verdicts.set(query, verdict);
  }
  return verdict;
}
