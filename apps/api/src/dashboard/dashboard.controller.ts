import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ledger } from '@sunshine/application';
import { LEDGER } from '../ledger.token';
import { DASHBOARD_CSS } from './public/dashboard-css';
import { DASHBOARD_JS } from './public/dashboard-js';
import { INDEX_HTML } from './public/index-html';
import { MONEY_JS } from './public/money-js';

const ASSETS = new Map<string, { type: string; body: string }>([
  ['dashboard.css', { type: 'text/css; charset=utf-8', body: DASHBOARD_CSS }],
  ['money.js', { type: 'text/javascript; charset=utf-8', body: MONEY_JS }],
  ['dashboard.js', { type: 'text/javascript; charset=utf-8', body: DASHBOARD_JS }],
]);

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
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const send = (response: Response, type: string, body: string): void => {
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  // Revalidated on every load (the ETag makes that cheap), so an upgrade shows at once.
  response.setHeader('Cache-Control', 'no-cache');
  response.send(body);
};

/** The supervisor dashboard (监督看板): a static page that signs in and follows GET /api/v1/live. */
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly page: string;

  constructor(@Inject(LEDGER) ledger: Ledger) {
    this.page = INDEX_HTML.split('{{township}}').join(escapeHtml(ledger.config.townshipName));
  }

  @Get()
  index(@Res() response: Response): void {
    send(response, 'text/html; charset=utf-8', this.page);
  }

  @Get('dashboard/:asset')
  asset(@Param('asset') name: string, @Res() response: Response): void {
    const asset = ASSETS.get(name);
    if (!asset) throw new NotFoundException();
    send(response, asset.type, asset.body);
  }
}
