import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Capability } from '@sunshine/application';
import { Actor } from '@sunshine/domain';

export const ACCESS = 'sunshine:access';

/** The capability a route needs; `authenticated` means any valid token. */
export const Access = (capability: Capability | 'authenticated') => SetMetadata(ACCESS, capability);

/** The authenticated actor of this request. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor,
);
