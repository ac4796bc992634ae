import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PAGE_SECURITY_HEADERS } from './headers.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt', '.ttf', '.ico']);
/** Vite names what it builds into assets/ by content (`index-BYoy86e6.js`): such a file never changes. */
const HASHED = /^\/assets\/.+-[\w-]{8}\.\w+$/;

interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
  etag: string;
  compressible: boolean;
  /** Compressed once, on first request, without blocking the event loop. */
  encoded: Map<'br' | 'gzip', Promise<Buffer>>;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function load(root: string, file: string): [string, StaticFile] {
  const urlPath = `/${path.relative(root, file).split(path.sep).join('/')}`;
  const body = fs.readFileSync(file);
  const extension = path.extname(file).toLowerCase();
  const cacheControl = HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return [
    urlPath,
    {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      compressible: COMPRESSIBLE.has(extension) && body.length > 1024,
      encoded: new Map(),
      headers: {
        ...PAGE_SECURITY_HEADERS,
        'content-type': TYPES[extension] ?? 'application/octet-stream',
        'cache-control': cacheControl,
        vary: 'Accept-Encoding',
      },
    },
  ];
}

function encode(file: StaticFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let encoded = file.encoded.get(encoding);
  if (!encoded) {
    encoded = encoding === 'br' ? brotli(file.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }) : gzip(file.body, { level: 6 });
    file.encoded.set(encoding, encoded);
  }
  return encoded;
}

function preferredEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = req.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

export interface StaticSite {
  /** Answers a GET or HEAD for a file of the build, or false when there is no such file. */
  serve(urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * The built admin (and GraphiQL beside it), read into memory at start: a request never touches the
 * file system, so no path can leave the build. `/` is index.html, `/graphiql` graphiql.html; pages
 * are revalidated on every load (a deploy is seen at once), hashed assets are cached for good.
 */
export function loadStaticSite(root: string): StaticSite | null {
  if (!fs.existsSync(path.join(root, 'index.html'))) return null;
  const files = new Map(walk(root).map((file) => load(root, file)));
  const aliases: Record<string, string> = { '/': '/index.html', '/graphiql': '/graphiql.html' };
  return {
    async serve(urlPath, req, res) {
      const file = files.get(aliases[urlPath] ?? urlPath);
      if (!file) return false;
      const headers: Record<string, string> = { ...file.headers, etag: file.etag };
      if (req.headers['if-none-match'] === file.etag) {
        res.writeHead(304, headers).end();
        return true;
      }
      const encoding = file.compressible ? preferredEncoding(req) : null;
      const body = encoding ? await encode(file, encoding) : file.body;
      if (encoding) headers['content-encoding'] = encoding;
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
