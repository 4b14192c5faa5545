import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedBy, Authenticator, Capability, requireCapability } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { ApiError, unauthorized } from '../problems/api-error';
import { ACCESS } from './access.decorator';
import { readCookie } from './cookies';
import { SESSION_COOKIE, Sessions } from './sessions';

/** What the guard leaves on a request it let through. */
export type AuthenticatedRequest = FastifyRequest & {
  actor?: Actor;
  sessionId?: string;
  authenticatedBy?: AuthenticatedBy;
};

const CSRF_HEADER = 'x-requested-with';
const CSRF_HEADER_VALUE = 'sunshine';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfHeaderMissing = () =>
  new ApiError(403, 'CSRF_HEADER_REQUIRED', {
    zh: '通过浏览器会话提交的请求须带请求头 X-Requested-With: sunshine',
    en: 'a request made with a browser session must carry the header X-Requested-With: sunshine',
  });

/**
 * One guard for every route under /api/v1: a bearer token (never in the URL) or a browser
 * session cookie (POST /api/v1/session), then the capability the route declares, checked against
 * the role table of docs/api.md#who-may-call-what.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Capability | 'authenticated' | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === undefined) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor =
      request.headers.authorization !== undefined ? await this.bearer(request) : await this.session(request);
    if (access !== 'authenticated') requireCapability(actor, access);
    request.actor = actor;
    return true;
  }

  private async bearer(request: AuthenticatedRequest): Promise<Actor> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized();
    const actor = await this.authenticator.authenticate(match[1]);
    if (!actor) throw unauthorized();
    request.authenticatedBy = 'token';
    return actor;
  }

  private async session(request: AuthenticatedRequest): Promise<Actor> {
    const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!sessionId) throw unauthorized();
    const signedIn = await this.sessions.signedIn(sessionId);
    if (!signedIn) throw unauthorized();
    const { actor, by } = signedIn;
    // The browser sends the cookie by itself, so a state-changing request must show it came from
    // our own page's script. SameSite=Strict already keeps other sites' forms out; this covers what
    // it does not: older browsers, and pages on sibling hosts of the same site (same-site is not
    // same-origin). A page on another origin cannot add a custom header without a CORS preflight,
    // which this API never grants, and an HTML form cannot add one at all.
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE)
      throw csrfHeaderMissing();
    request.sessionId = sessionId;
    request.authenticatedBy = by;
    return actor;
  }
}
