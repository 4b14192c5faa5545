import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Config } from '@sunshine/application';
import { DASHBOARD_CSS } from './public/dashboard-css';
import { DASHBOARD_JS } from './public/dashboard-js';
import { INDEX_HTML } from './public/index-html';
import { MONEY_JS } from './public/money-js';
import { CONFIG } from '../runtime.tokens';

/** Only our own files run on the page and it talks only to this server: a token typed here stays here. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface Asset {
  type: string;
  body: string;
  etag: string;
}

const asset = (type: string, body: string): Asset => ({
  type,
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

const send = (request: FastifyRequest, reply: FastifyReply, { type, body, etag }: Asset): void => {
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  // Revalidated on every load (the ETag makes that cheap), so an upgrade shows at once.
  reply.header('Cache-Control', 'no-cache');
  reply.header('ETag', etag);
  if (request.headers['if-none-match'] === etag) {
    reply.status(304).send();
    return;
  }
  reply.type(type).send(body);
};

const ASSETS = new Map<string, Asset>([
  ['dashboard.css', asset('text/css; charset=utf-8', DASHBOARD_CSS)],
  ['money.js', asset('text/javascript; charset=utf-8', MONEY_JS)],
  ['dashboard.js', asset('text/javascript; charset=utf-8', DASHBOARD_JS)],
]);

/** The supervisor dashboard (监督看板): a static page that signs in and follows GET /api/v1/live. */
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly page: Asset;

  constructor(@Inject(CONFIG) config: Config) {
    this.page = asset(
      'text/html; charset=utf-8',
      INDEX_HTML.split('{{township}}').join(escapeHtml(config.townshipName)),
    );
  }

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    send(request, reply, this.page);
  }

  @Get('dashboard/:asset')
  asset(@Param('asset') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const found = ASSETS.get(name);
    if (!found) throw new NotFoundException();
    send(request, reply, found);
  }
}
