import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticator, listUsers, NameBook, SecretStore } from '@sunshine/application';
import { ProjectionStore } from '@sunshine/projections';
import { Access } from '../auth/access.decorator';
import { READ_STORE } from '../runtime.tokens';

/** The users as an administrator's page lists them. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly secrets: SecretStore,
    @Inject(READ_STORE) private readonly reads: ProjectionStore,
  ) {}

  @Get()
  @Access('administer')
  @ApiOperation({ summary: 'Every user: name, role, villages, revoked, whether a password is set (admin)' })
  async list() {
    const passwordSet = (userId: string) => this.secrets.passwordHash(userId) !== undefined;
    return { users: await listUsers(this.authenticator, new NameBook(this.reads), passwordSet) };
  }
}
