import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** A file of the built web app, read into memory once: the whole app is a few megabytes of fonts and scripts. */
export interface WebFile {
  type: string;
  body: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

export const webFile = (type: string, body: Buffer | string): WebFile => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { type, body: bytes, etag: etagOf(bytes) };
};

/**
 * Where `npm run build` put the web app: dist/apps/web under the project's root (the folder with
 * package.json), both for the compiled server (dist/apps/api/…) and for the sources run by tests.
 */
export const webAppDir = (from = __dirname): string => {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist/apps/web');
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The built app's page with the township written in, so the sign-in page names it before anyone signs in. */
export const indexPage = (html: string, township: string): string =>
  html.replace(
    '<title>阳光台账</title>',
    `<title>阳光台账 · ${escapeHtml(township)}</title>\n    <meta name="sunshine-township" content="${escapeHtml(township)}" />`,
  );

/** What the server hands out: the page, the hashed assets by name, and the files beside the page. */
export interface WebApp {
  index?: WebFile;
  assets: Map<string, WebFile>;
  files: Map<string, WebFile>;
}

export const loadWebApp = (dir: string, township: string): WebApp => {
  const read = (folder: string) =>
    new Map(
      (existsSync(folder) ? readdirSync(folder) : [])
        .filter((name) => TYPES[extname(name)] && statSync(join(folder, name)).isFile())
        .map((name) => [name, webFile(TYPES[extname(name)], readFileSync(join(folder, name)))] as const),
    );
  const files = read(dir);
  const html = files.get('index.html');
  files.delete('index.html');
  return {
    index: html && webFile(html.type, indexPage(html.body.toString('utf8'), township)),
    assets: read(join(dir, 'assets')),
    files,
  };
};
