import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ANALYTICS_LIST_SIZE, ANALYTICS_QUERY_COSTS } from './modules/analytics/analytics.costs.js';
import { childRowBound } from './common/resource.js';
import { rowsOfShape, shapeBound, type ShapeBound } from './common/query-shape-limits.js';
import { REMEMBERED_DOCUMENTS } from './document-store.js';

// The package's ES build imports graphql's .mjs files, a second graphql next to the CommonJS one
// Apollo and type-graphql load; its CommonJS build shares theirs.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

export interface QueryLimits {
  /** Deepest field nesting an operation may have (introspection fields not counted). */
  maxDepth: number;
  /** Largest estimated cost; see `estimateCost`. */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 1_000_000 };

/** Rows assumed for a list of computed values (analyst rows, enum lists): never an entity collection. */
export const DEFAULT_LIST_SIZE = 20;
/** Lists of a type with a fixed number of rows: Zhejiang's 11 cities. */
const FIXED_SIZES: Record<string, number> = { City: 11 };
/** `allX` without `perPage` returns 100 rows (see common/filters.ts). */
const DEFAULT_PAGE_SIZE = 100;

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * The rows a list field is priced at: its `slicingArgument` (`perPage`, an aggregate's `limit`, a cursor
 * page's `first`) when the query gives it, else `assumedSize`: a page, an aggregate's or cursor page's
 * default (query-shape-limits.ts), a child collection's declared bound (enforced when read), or a fixed
 * size. The subgraph's `@listSize` directives say the same to a router (federation/directives.ts).
 */
export function listBound(
  coordinate: string,
  itemType: string,
  argumentNames: readonly string[],
): { assumedSize: number; slicingArgument?: string; sizedFields?: string[] } {
  const shape: ShapeBound | undefined = shapeBound(coordinate);
  if (shape) return shape;
  if (itemType in FIXED_SIZES) return { assumedSize: FIXED_SIZES[itemType]! };
  const assumedSize = coordinate.startsWith('Query.all')
    ? DEFAULT_PAGE_SIZE
    : (childRowBound(coordinate) ?? (coordinate in ANALYTICS_QUERY_COSTS ? ANALYTICS_LIST_SIZE : DEFAULT_LIST_SIZE));
  return argumentNames.includes('perPage') ? { assumedSize, slicingArgument: 'perPage' } : { assumedSize };
}

/** Whether `listBound` prices a field: a list, or a cursor page whose lists it sizes. */
export const hasListBound = (coordinate: string, isListField: boolean): boolean => isListField || shapeBound(coordinate) !== undefined;

/** The most rows a list field can return: as many as the request names (federation representations, bulk rows, workflow ids), else its bound. */
function listSize(coordinate: string, itemType: string, args: Record<string, unknown>): number {
  for (const named of [args.representations, args.rows, args.ids]) if (Array.isArray(named)) return named.length;
  const { assumedSize, slicingArgument } = listBound(coordinate, itemType, Object.keys(args));
  const sliced = slicingArgument && args[slicingArgument];
  return typeof sliced === 'number' ? sliced : (childRowBound(coordinate, args) ?? assumedSize);
}

/**
 * Every field costs 1 and its sub-selection; a list multiplies that by its most rows (see `listSize`);
 * analyst queries add their own weight. Introspection is free: it never touches the database.
 */
const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const coordinate = `${type.name}.${field.name}`;
  const own = 1 + childComplexity;
  const rows = rowsOfShape(coordinate, args, DEFAULT_LIST_SIZE) ?? (isList(field.type) ? listSize(coordinate, getNamedType(field.type).name, args) : 1);
  return rows * own + (ANALYTICS_QUERY_COSTS[coordinate] ?? 0);
};

/** Field nesting of a selection; fragments are followed, introspection fields are not counted. */
function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

function tooComplex(limit: 'DEPTH' | 'COST', actual: number, maximum: number): GraphQLError {
  const [zh, en] =
    limit === 'COST'
      ? [
          `查询过于复杂：估算成本 ${actual} 超过上限 ${maximum}，请减少每页行数或嵌套字段`,
          `query too complex: its estimated cost ${actual} exceeds the limit of ${maximum}; request fewer rows or nested fields`,
        ]
      : [`查询嵌套过深：深度 ${actual} 超过上限 ${maximum}`, `query too deep: depth ${actual} exceeds the limit of ${maximum}`];
  return new GraphQLError(`${zh} (${en})`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, actual, maximum, messageZh: zh, messageEn: en, http: { status: 400 } },
  });
}

/** Variables that do not coerce: execution reports them to the client as BAD_USER_INPUT, without running anything. */
const COULD_NOT_PRICE = 'COULD_NOT_PRICE';

/** Measures an operation against the limits; the error says which limit and by how much. */
function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): GraphQLError | null | typeof COULD_NOT_PRICE {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  const depth = operation && operation.kind === Kind.OPERATION_DEFINITION ? depthOf(operation.selectionSet, fragments) : 0;
  if (depth > limits.maxDepth) return tooComplex('DEPTH', depth, limits.maxDepth);
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, operationName, variables, estimators: [estimateCost] });
  } catch {
    return COULD_NOT_PRICE;
  }
  if (cost > limits.maxCost) return tooComplex('COST', cost, limits.maxCost);
  return null;
}

/**
 * What of the variables an operation's cost depends on: numbers (page sizes), list lengths, booleans
 * (`@include`), which values are given; never the text of a string.
 */
function variablesShape(variables: Record<string, unknown> | undefined): string {
  if (!variables || Object.keys(variables).length === 0) return '';
  return JSON.stringify(variables, (_key, value: unknown) => (typeof value === 'string' ? '' : value));
}

/** A few shapes per document are normal; a flood of them should not grow memory. */
const MAX_SHAPES_PER_DOCUMENT = 100;

/**
 * Refuses an operation over the depth or cost limit before any resolver runs (throws the error).
 * Apollo hands the same parsed document to every request with the same query text, so the verdict
 * is kept per document, operation name and shape of the variables.
 */
export function queryLimitsCheck(limits: QueryLimits) {
  const verdicts = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();
  return (schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Record<string, unknown> | undefined): void => {
    const shape = `${operationName ?? ''}:${variablesShape(variables)}`;
    let byShape = verdicts.get(document);
    if (!byShape) verdicts.set(document, (byShape = new Map()));
    let refusal = byShape.get(shape);
    if (refusal === undefined) {
      const verdict = checkQueryLimits(schema, document, operationName ?? undefined, variables ?? {}, limits);
      // Variables that did not coerce are no verdict on their shape (an enum's text does count there).
      if (verdict === COULD_NOT_PRICE) return;
      refusal = verdict;
      // Long shapes (a bulk save's rows as variables) are not remembered, as long texts are not.
      if (shape.length <= REMEMBERED_DOCUMENTS.maxLength) {
        if (byShape.size >= MAX_SHAPES_PER_DOCUMENT) byShape.clear();
        byShape.set(shape, refusal);
      }
    }
    if (refusal) throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
  };
}

/** Exported for documentation and tests: the same estimate the check uses. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): number {
  return getComplexity({ schema, query: document, variables, estimators: [estimateCost] });
}
