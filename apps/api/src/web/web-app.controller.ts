import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Config } from '@sunshine/application';
import { CONFIG } from '../runtime.tokens';
import { loadWebApp, WebApp, webAppDir, WebFile, webFile } from './web-app-files';

/** The web app's routes: each answers the app's page, whose router shows the page for it. */
export const WEB_APP_ROUTES = [
  '/',
  'login',
  'villages',
  'villages/:villageId',
  'records/:stream',
  'entry/:commandType',
  'registers',
  'warnings',
  'audit',
  'users',
];

/** Only the app's own files run on the page and it talks only to this server. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = webFile(
  'text/html; charset=utf-8',
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>阳光台账</title>' +
    '<p>网页端尚未构建：请在项目目录运行 <code>npm run build</code> 后重新启动服务。</p></html>',
);

/**
 * Serves the web app built into dist/apps/web: the page at each of its routes (revalidated on
 * every load, so an upgrade shows at once), and its hashed assets, which never change under their
 * name and are kept by browsers for a year. The API's routes are untouched.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  private readonly app: WebApp;

  constructor(@Inject(CONFIG) config: Config) {
    this.app = loadWebApp(webAppDir(), config.townshipName);
  }

  @Get(WEB_APP_ROUTES)
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (!this.app.index) reply.status(503);
    this.send(request, reply, this.app.index ?? NOT_BUILT, 'no-cache');
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const found = this.app.assets.get(name);
    if (!found) throw new NotFoundException();
    this.send(request, reply, found, 'public, max-age=31536000, immutable');
  }

  @Get('favicon.svg')
  favicon(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const found = this.app.files.get('favicon.svg');
    if (!found) throw new NotFoundException();
    this.send(request, reply, found, 'public, max-age=86400');
  }

  private send(request: FastifyRequest, reply: FastifyReply, file: WebFile, cacheControl: string): void {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', cacheControl);
    reply.header('ETag', file.etag);
    if (request.headers['if-none-match'] === file.etag) {
      reply.status(304).send();
      return;
    }
    reply.type(file.type).send(file.body);
  }
}
