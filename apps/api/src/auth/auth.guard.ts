import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Authenticator, Capability, requireCapability } from '@sunshine/application';
import { unauthorized } from '../problems/api-error';
import { AUTHENTICATOR } from '../ledger.token';
import { ACCESS } from './access.decorator';

/**
 * One guard for every route under /api/v1: a bearer token (never in the URL), then the
 * capability the route declares, checked against CONTRACT.md's role table.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Capability | 'authenticated' | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (access === undefined) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: unknown }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized();
    const actor = await this.authenticator.authenticate(match[1]);
    if (!actor) throw unauthorized();
    if (access !== 'authenticated') requireCapability(actor, access);
    request.actor = actor;
    return true;
  }
}
