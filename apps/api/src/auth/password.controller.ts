import { Body, Controller, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Passwords, SignInLocked } from '@sunshine/application';
import { Actor, ValidationFailed } from '@sunshine/domain';
import { ApiError } from '../problems/api-error';
import { Access, CurrentActor } from './access.decorator';
import { AuthenticatedRequest } from './auth.guard';
import { Sessions } from './sessions';

const KNOWN_FIELDS = new Set(['password', 'currentPassword']);

/** The body of PUT /users/me/password: an object with only the fields it knows. */
const passwordBody = (body: unknown): { password?: unknown; currentPassword?: unknown } => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationFailed([
      { path: 'password', zh: '为必填项，应为文本', en: 'is required and must be a string' },
    ]);
  const unknown = Object.keys(body).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0)
    throw new ValidationFailed(unknown.map((path) => ({ path, zh: '是未知字段', en: 'is not a known field' })));
  return body;
};

@ApiTags('session')
@ApiBearerAuth()
@Controller('api/v1/users')
export class PasswordController {
  constructor(
    private readonly passwords: Passwords,
    private readonly sessions: Sessions,
  ) {}

  @Put('me/password')
  @HttpCode(204)
  @Access('authenticated')
  @ApiOperation({
    summary: 'Set or change your own password (at least 10 characters)',
    description:
      'The first password needs no current one when the request is authenticated by your token (the bearer token, or a session signed in with it). ' +
      'Once a password is set, changing it needs `currentPassword`; a wrong one counts as a failed sign-in. Your other browser sessions end.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['password'],
      properties: { password: { type: 'string', minLength: 10 }, currentPassword: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 204, description: 'the password is set' })
  @ApiResponse({ status: 400, description: 'a password shorter than 10 characters, or currentPassword missing' })
  @ApiResponse({ status: 403, description: 'a wrong currentPassword' })
  async change(
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const { password, currentPassword } = passwordBody(body);
    try {
      await this.passwords.change(actor, request.authenticatedBy ?? 'password', password, currentPassword);
    } catch (error) {
      if (!(error instanceof SignInLocked)) throw error;
      response.header('Retry-After', String(error.retryAfterSeconds));
      throw new ApiError(429, 'SIGN_IN_LOCKED', {
        zh: `当前密码连续输错次数过多，已暂时锁定，请 ${Math.ceil(error.retryAfterSeconds / 60)} 分钟后再试`,
        en: `too many wrong passwords for this user id; try again in ${error.retryAfterSeconds} s`,
      });
    }
    this.sessions.closeAllOf(actor.userId, request.sessionId);
  }

  @Post(':userId/password-reset')
  @HttpCode(201)
  @Access('administer')
  @ApiOperation({
    summary: "Reset a user's password (admin)",
    description:
      "Forgets the user's password, ends its browser sessions and gives it a new token (the old one stops working), answered this once: " +
      'hand it to the user, who sets a new password with it at the sign-in page. The bootstrap admin keeps its configured token.',
  })
  @ApiResponse({ status: 201, description: '{ userId, token }' })
  @ApiResponse({ status: 404, description: 'no such user' })
  @ApiResponse({ status: 422, description: 'the user is revoked' })
  async reset(@Param('userId') userId: string, @Res({ passthrough: true }) response: FastifyReply) {
    const { token } = await this.passwords.reset(userId);
    this.sessions.closeAllOf(userId);
    response.header('Cache-Control', 'no-store');
    return { userId, ...(token ? { token } : {}) };
  }
}
