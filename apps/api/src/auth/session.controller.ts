import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator, Config } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { ApiError, unauthorized } from '../problems/api-error';
import { CONFIG } from '../runtime.tokens';
import { Access, CurrentActor } from './access.decorator';
import { AuthenticatedRequest } from './auth.guard';
import { readCookie, sessionCookie } from './cookies';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, Sessions } from './sessions';

const ROLE_NAMES: Record<Actor['role'], string> = {
  admin: '管理员',
  clerk: '录入员',
  auditor: '审计员',
  supervisor: '监督员',
};

const badBody = () =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    { zh: '请求体只能是 { "token": "…" }', en: 'the body may only be { "token": "…" }' },
    [{ path: 'token', zh: '须为非空字符串', en: 'must be a non-empty string' }],
  );

/** The token to sign in with: the Authorization header first, else the JSON body's `token`. */
const tokenOf = (request: FastifyRequest, body: unknown): string => {
  if (request.headers.authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization);
    if (!match) throw unauthorized();
    return match[1];
  }
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0))
    throw unauthorized();
  if (typeof body !== 'object' || Array.isArray(body)) throw badBody();
  const { token, ...rest } = body as { token?: unknown };
  if (typeof token !== 'string' || token.trim() === '' || Object.keys(rest).length > 0) throw badBody();
  return token.trim();
};

/**
 * Browser sign-in. A page must not put the bearer token in a URL (EventSource cannot send an
 * Authorization header), so it trades the token once for an HttpOnly session cookie.
 */
@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly authenticator: Authenticator,
    private readonly sessions: Sessions,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Sign a browser in: the bearer token (Authorization header, or JSON body { token }) for an HttpOnly session cookie',
    description:
      'Sets `sunshine_session` (HttpOnly, SameSite=Strict, Path=/, 12 h). The cookie then authenticates every request; a state-changing one (POST, DELETE) must also carry `X-Requested-With: sunshine`.',
  })
  @ApiBody({ required: false, schema: { type: 'object', properties: { token: { type: 'string' } } } })
  @ApiResponse({ status: 201, description: '{ userId, role, name, township, expiresAt }' })
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @Body() body: unknown,
  ) {
    const actor = await this.authenticator.authenticate(tokenOf(request, body));
    if (!actor) throw unauthorized();
    const { sessionId, expiresAt } = this.sessions.open(actor.userId);
    response.header(
      'Set-Cookie',
      sessionCookie(SESSION_COOKIE, sessionId, {
        maxAgeSeconds: SESSION_LIFETIME_MS / 1000,
        secure: request.protocol === 'https',
      }),
    );
    response.header('Cache-Control', 'no-store');
    return { ...(await this.whoIs(actor)), expiresAt: expiresAt.toISOString() };
  }

  @Get()
  @Access('authenticated')
  @ApiOperation({ summary: 'Who is signed in (session cookie or bearer token), and the township' })
  async current(@CurrentActor() actor: Actor) {
    return this.whoIs(actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign the browser out: forgets the session and clears the cookie' })
  signOut(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: FastifyReply): void {
    const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (sessionId) this.sessions.close(sessionId);
    response.header(
      'Set-Cookie',
      sessionCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: request.protocol === 'https' }),
    );
  }

  private async whoIs(actor: Actor) {
    const user = await this.authenticator.user(actor.userId);
    return {
      userId: actor.userId,
      role: actor.role,
      roleName: ROLE_NAMES[actor.role],
      name: user?.name ?? ROLE_NAMES[actor.role],
      township: this.config.townshipName,
    };
  }
}
