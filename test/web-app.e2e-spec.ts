import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_ROUTES } from '../apps/api/src/web/web-app.controller';
import { webAppDir } from '../apps/api/src/web/web-app-files';
import { startTestApp, TestApp } from './support/test-app';

/** The built web app as the API serves it: the page at each of its routes, assets cached by their hashed names. */
describe('the web app served at / (GET /, /login, /villages/…, /assets/…)', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(join(webAppDir(), 'index.html')))
      throw new Error(`No built web app in ${webAppDir()}: run npm run build first (npm run test:e2e does).`);
    t = await startTestApp({ env: { SUNSHINE_TOWNSHIP_NAME: '红旗镇<script>' } });
  });
  afterAll(() => t.close());

  const examples = WEB_APP_ROUTES.map((route) =>
    route
      .replace(':villageId', 'lijiazhuang')
      .replace(':stream', 'investment-ZS-001')
      .replace(':commandType', 'SignInvestment'),
  );

  it.each(examples)('answers %s with the app, whose router shows the page (history mode)', async (path) => {
    const response = await t.http.get(path.startsWith('/') ? path : `/${path}`).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<div id="app"></div>');
    expect(response.text).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  });

  it('names the township in the page, escaped, before anyone signs in', async () => {
    const { text } = await t.http.get('/login').expect(200);
    expect(text).toContain('<title>阳光台账 · 红旗镇&lt;script&gt;</title>');
    expect(text).toContain('<meta name="sunshine-township" content="红旗镇&lt;script&gt;" />');
    expect(text).not.toContain('红旗镇<script>');
  });

  it('lets the page run only its own files, and be revalidated on every load so an upgrade shows at once', async () => {
    const first = await t.http.get('/').expect(200);
    expect(first.headers['content-security-policy']).toContain("default-src 'self'");
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(first.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    await t.http.get('/').set('If-None-Match', etag).expect(304);
  });

  it('keeps every asset local and cached for a year under its hashed name', async () => {
    const { text } = await t.http.get('/').expect(200);
    const linked = [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(linked.every((url) => url.startsWith('/'))).toBe(true);
    const script = linked.find((url) => url.endsWith('.js')) as string;
    const response = await t.http.get(script).expect(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await t.http
      .get(script)
      .set('If-None-Match', response.headers.etag as string)
      .expect(304);
    const style = await t.http.get(linked.find((url) => url.endsWith('.css')) as string).expect(200);
    const fonts = [...style.text.matchAll(/url\(([^)]+\.woff2)\)/g)].map((match) => match[1]);
    expect(fonts.length).toBeGreaterThan(50);
    const font = await t.http.get(fonts[0]).expect(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    await t.http.get('/favicon.svg').expect(200).expect('Content-Type', 'image/svg+xml');
  });

  it('leaves the API its own answers: problems, never the page', async () => {
    const missing = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http
      .get('/api/v1/terms')
      .expect(401)
      .expect('Content-Type', /^application\/problem\+json/);
    await t.http
      .get('/assets/no-such-file.js')
      .expect(404)
      .expect('Content-Type', /^application\/problem\+json/);
    await t.http.get('/assets/..%2Fpackage.json').expect(404);
  });
});
