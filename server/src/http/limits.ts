/**
 * The request budget: how much one HTTP request may ask of the server before its GraphQL document is
 * parsed and validated. Every limit is written here once; docs/http.md explains each. The depth and
 * cost of an operation are limited later, by the cost model (query-limits.ts).
 */
export const REQUEST_LIMITS = {
  /** Bytes of a GraphQL request body from a signed-in client: the largest bulk save fits with room to spare. */
  bodyBytes: 1024 * 1024,
  /** Bytes of a request body from a client without a valid token: a `login` and its two variables. */
  anonymousBodyBytes: 4 * 1024,
  /** Lexical tokens of a document (GraphiQL's introspection query has about 400). */
  tokens: 10_000,
  /** Lexical tokens of an anonymous document: `mutation($u: String!, $p: String!) { login(…) { … } }`. */
  anonymousTokens: 200,
  /** Aliased fields of an operation, counted through its fragments. */
  aliases: 256,
  /** Fields of an operation, counted through its fragments (each spread counts its fragment again). */
  fields: 2_000,
  /** Directives anywhere in a document. */
  directives: 50,
  /**
   * Nesting of a JSON body (objects and arrays): the deepest typed filter a list takes is about 20
   * levels. Every later walk of the variables (text checks, coercion) then stays far from the stack's end.
   */
  jsonDepth: 64,
} as const;

/** Which limit a refused request went over (`extensions.limit`). */
export type RequestLimit = 'BODY_BYTES' | 'JSON_DEPTH' | 'TOKENS' | 'ALIASES' | 'FIELDS' | 'DIRECTIVES';
