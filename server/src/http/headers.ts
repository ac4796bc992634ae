/**
 * Headers of every page and asset. The admin and GraphiQL load only their own scripts; their
 * styles are partly inline (the pages' <style>, MUI's and Monaco's injected styles), Monaco's
 * editor starts its workers from our own assets, and nothing may frame either page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** CORS of /graphql: any origin may call it with a bearer token; no cookies are involved. */
export const CORS_HEADERS: Record<string, string> = { 'access-control-allow-origin': '*' };
export const CORS_PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST',
  'access-control-max-age': '600',
  vary: 'Access-Control-Request-Headers',
};
