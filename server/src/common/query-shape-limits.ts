/**
 * Bounds of the analyst shapes (typed filters, sorting, cursor pages, grouped aggregates, the duplicate report), written once:
 * the resolvers refuse anything beyond them with BAD_USER_INPUT naming the argument, and the cost model
 * (query-limits.ts) prices the shapes through `rowsOfShape`.
 */
export const QUERY_SHAPE_LIMITS = {
  /** Nesting of and / or / not and references inside one typed filter. */
  maxFilterDepth: 8,
  /** Operator objects in one typed filter. */
  maxFilterTerms: 200,
  /** Values of one `in` / `notIn`. */
  maxListValues: 1000,
  /** References a sort or group-by path may cross (intake → plan → school → city is 3). */
  maxPathHops: 3,
  /** Sort terms of one list or aggregate. */
  maxOrderTerms: 10,
  /** Group-by paths of one aggregate. */
  maxGroupKeys: 6,
  /** Groups one aggregate returns without `limit`, and at most with it. */
  defaultGroups: 1000,
  maxGroups: 10000,
  /** Rows of one cursor page without `first`, and at most with it. */
  defaultFirst: 100,
  maxFirst: 1000,
  /** ID numbers (groups) the duplicate-registration report `duplicateStudents` returns without `limit`, and at most with it. */
  defaultDuplicateGroups: 100,
  maxDuplicateGroups: 500,
};

/** How many rows a field of the new shapes returns: a default, the argument that overrides it, and for a connection the lists it sizes. */
export interface ShapeBound {
  assumedSize: number;
  slicingArgument: string;
  sizedFields?: string[];
}

/**
 * The bound of an aggregate or the duplicate report (their groups, by `limit`) or a cursor page (its
 * rows, by `first`); undefined for other fields.
 */
export function shapeBound(coordinate: string): ShapeBound | undefined {
  if (/^Query\.aggregate[A-Z]/.test(coordinate)) return { assumedSize: QUERY_SHAPE_LIMITS.defaultGroups, slicingArgument: 'limit' };
  if (coordinate === 'Query.duplicateStudents') return { assumedSize: QUERY_SHAPE_LIMITS.defaultDuplicateGroups, slicingArgument: 'limit' };
  if (/^Query\.all[A-Z]\w*Connection$/.test(coordinate)) {
    return { assumedSize: QUERY_SHAPE_LIMITS.defaultFirst, slicingArgument: 'first', sizedFields: ['edges', 'nodes'] };
  }
  return undefined;
}

/**
 * Rows the cost model should assume for a field of the new shapes, or undefined for the others: an
 * aggregate's groups (`limit`), and for a connection the factor by which its `edges` / `nodes`
 * (priced at `assumedListSize` rows, having no arguments of their own) fall short of `first`.
 */
export function rowsOfShape(coordinate: string, args: Record<string, unknown>, assumedListSize: number): number | undefined {
  const bound = shapeBound(coordinate);
  if (!bound) return undefined;
  const sliced = args[bound.slicingArgument];
  const rows = typeof sliced === 'number' ? sliced : bound.assumedSize;
  return bound.sizedFields ? Math.max(1, Math.ceil(rows / assumedListSize)) : rows;
}
