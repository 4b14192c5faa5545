import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedBy, Authenticator, Config, Passwords, SignInLocked } from '@sunshine/application';
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

const badBody = (errors: { path: string; zh: string; en: string }[]) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    {
      zh: '请求体只能是 { "token": "…" } 或 { "userId": "…", "password": "…" }',
      en: 'the body may only be { "token": "…" } or { "userId": "…", "password": "…" }',
    },
    errors,
  );

const NON_EMPTY = { zh: '须为非空字符串', en: 'must be a non-empty string' };

type Credentials = { token: string } | { userId: string; password: string };

/** What to sign in with: the Authorization header first, else the JSON body's token or user id and password. */
const credentialsOf = (request: FastifyRequest, body: unknown): Credentials => {
  if (request.headers.authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization);
    if (!match) throw unauthorized();
    return { token: match[1] };
  }
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0))
    throw unauthorized();
  if (typeof body !== 'object' || Array.isArray(body)) throw badBody([{ path: 'token', ...NON_EMPTY }]);
  const { token, userId, password, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest).map((path) => ({ path, zh: '是未知字段', en: 'is not a known field' }));
  if (token !== undefined || (userId === undefined && password === undefined)) {
    const errors = [
      ...(typeof token === 'string' && token.trim() !== '' ? [] : [{ path: 'token', ...NON_EMPTY }]),
      ...(userId !== undefined ? [{ path: 'userId', zh: '不能与令牌同时提交', en: 'cannot come with a token' }] : []),
      ...unknown,
    ];
    if (errors.length > 0) throw badBody(errors);
    return { token: (token as string).trim() };
  }
  const errors = [
    ...(typeof userId === 'string' && userId.trim() !== '' ? [] : [{ path: 'userId', ...NON_EMPTY }]),
    ...(typeof password === 'string' && password !== '' ? [] : [{ path: 'password', ...NON_EMPTY }]),
    ...unknown,
  ];
  if (errors.length > 0) throw badBody(errors);
  return { userId: (userId as string).trim(), password: password as string };
};

const wrongPassword = () =>
  new ApiError(401, 'SIGN_IN_FAILED', {
    zh: '用户名或密码不正确，或账号已停用',
    en: 'wrong user id or password, or the user is revoked',
  });

const locked = (seconds: number) =>
  new ApiError(429, 'SIGN_IN_LOCKED', {
    zh: `该账号连续登录失败次数过多，已暂时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
    en: `too many failed sign-ins for this user id; try again in ${seconds} s`,
  });

/**
 * Browser sign-in. A page must not put the bearer token in a URL (EventSource cannot send an
 * Authorization header), so it trades the token, or a user id and password, once for an
 * HttpOnly session cookie.
 */
@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly authenticator: Authenticator,
    private readonly sessions: Sessions,
    private readonly passwords: Passwords,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Sign a browser in: the bearer token (Authorization header, or JSON body { token }) or { userId, password } for an HttpOnly session cookie',
    description:
      'Sets `sunshine_session` (HttpOnly, SameSite=Strict, Path=/, 12 h). The cookie then authenticates every request; a state-changing one (POST, PUT, DELETE) must also carry `X-Requested-With: sunshine`. ' +
      'After 5 failed sign-ins of one user id within 15 minutes, that id is locked for 15 minutes: every attempt answers 429 with `Retry-After` (seconds), the right password included.',
  })
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: { token: { type: 'string' }, userId: { type: 'string' }, password: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 201, description: '{ userId, role, roleName, name, township, hasPassword, expiresAt }' })
  @ApiResponse({ status: 401, description: 'a wrong token, user id or password, or a revoked user' })
  @ApiResponse({ status: 429, description: 'the user id is locked after failed sign-ins; see Retry-After' })
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @Body() body: unknown,
  ) {
    const credentials = credentialsOf(request, body);
    const by: AuthenticatedBy = 'token' in credentials ? 'token' : 'password';
    const actor = await this.authenticate(credentials, response);
    const { sessionId, expiresAt } = this.sessions.open(actor.userId, by);
    response.header(
      'Set-Cookie',
      sessionCookie(SESSION_COOKIE, sessionId, {
        maxAgeSeconds: SESSION_LIFETIME_MS / 1000,
        secure: request.protocol === 'https',
      }),
    );
    response.header('Cache-Control', 'no-store');
    // hasPassword: the web app offers whoever signed in with a token and has none to set a first password.
    return {
      ...(await this.whoIs(actor)),
      hasPassword: this.passwords.hasPassword(actor.userId),
      expiresAt: expiresAt.toISOString(),
    };
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

  private async authenticate(credentials: Credentials, response: FastifyReply): Promise<Actor> {
    if ('token' in credentials) {
      const actor = await this.authenticator.authenticate(credentials.token);
      if (!actor) throw unauthorized();
      return actor;
    }
    try {
      const actor = await this.passwords.signIn(credentials.userId, credentials.password);
      if (!actor) throw wrongPassword();
      return actor;
    } catch (error) {
      if (!(error instanceof SignInLocked)) throw error;
      response.header('Retry-After', String(error.retryAfterSeconds));
      throw locked(error.retryAfterSeconds);
    }
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
