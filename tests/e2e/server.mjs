// A tiny static file server for dist/ (no dependencies).
//
// Used by the e2e tests (import { serve } from './server.mjs') and by
// `make serve` (node tests/e2e/server.mjs --dir dist --port 8080 --csp).
// Serves .wasm as application/wasm so instantiateStreaming works, and can add
// the strict Content-Security-Policy the standalone page must run under.
// Every HTML page but embed.html refuses to be framed (README, "Hosting").

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Pages that other sites may frame: the iframe embed. Its scripts, styles
 * and wasm are not documents, so framing headers do not apply to them.
 */
export const FRAMEABLE_PAGES = new Set(['embed.html']);

/**
 * Framing headers for a served file: every HTML page except the frameable
 * ones says, both ways (old browsers read only X-Frame-Options), that no
 * page may frame it (clickjacking of the standalone calculator).
 * @returns {{ frameAncestors: string|null, xFrameOptions: string|null }}
 */
export function framing(file) {
  const name = file.split(sep).pop();
  if (extname(name).toLowerCase() !== '.html' || FRAMEABLE_PAGES.has(name)) {
    return { frameAncestors: null, xFrameOptions: null };
  }
  return { frameAncestors: "frame-ancestors 'none'", xFrameOptions: 'DENY' };
}

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serve `dir` over HTTP.
 * @param {object} options
 * @param {string} options.dir      directory to serve
 * @param {string} [options.host]   default 127.0.0.1
 * @param {number} [options.port]   default 0 (any free port)
 * @param {string|boolean} [options.csp]  true for STRICT_CSP, a string for a custom policy
 * @param {object} [options.headers] extra headers for every response
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function serve({ dir, host = '127.0.0.1', port = 0, csp = false, headers = {} }) {
  const root = resolve(dir);
  const policy = csp === true ? STRICT_CSP : csp || null;

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      return send(403, 'forbidden\n');
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const type = MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
      const head = {
        'Content-Type': type,
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      };
      const { frameAncestors, xFrameOptions } = framing(file);
      const policies = [policy, frameAncestors].filter(Boolean);
      if (policies.length) head['Content-Security-Policy'] = policies.join('; ');
      if (xFrameOptions) head['X-Frame-Options'] = xFrameOptions;
      res.writeHead(200, head);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found\n');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// Command line: node tests/e2e/server.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--csp]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const options = {
    dir: opt('--dir', 'dist'),
    host: opt('--host', '127.0.0.1'),
    port: Number(opt('--port', '8080')),
    csp: args.includes('--csp'),
  };
  const { url } = await serve(options);
  console.log(`serving ${options.dir} on ${url}${options.csp ? ' (strict CSP)' : ''}; Ctrl-C to stop`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
