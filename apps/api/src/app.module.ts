import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Authenticator, Ledger } from '@sunshine/application';
import { AuthGuard } from './auth/auth.guard';
import { CommandsController } from './commands/commands.controller';
import { ExecuteCommandHandler } from './commands/execute-command.handler';
import { ImportCommandsHandler } from './commands/import-commands.handler';
import { HealthController } from './health/health.controller';
import { AUTHENTICATOR, LEDGER } from './ledger.token';
import { ProblemFilter } from './problems/problem.filter';
import { TermsController } from './queries/terms.controller';
import { AuditTrailController } from './queries/audit-trail.controller';
import { ReadModelsGate } from './queries/read-models.gate';
import { SummaryController } from './queries/summary.controller';
import { ReportController } from './queries/report.controller';
import { IntegrityController } from './queries/integrity.controller';
import { SessionController } from './auth/session.controller';
import { Sessions } from './auth/sessions';
import { LiveController } from './live/live.controller';
import { LiveFeed } from './live/live-feed';
import { DashboardController } from './dashboard/dashboard.controller';

/** The HTTP application around an opened Ledger (the composition root opens it: main.ts, tests). */
@Module({})
export class AppModule {
  static forLedger(ledger: Ledger): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        CommandsController,
        TermsController,
        SummaryController,
        ReportController,
        AuditTrailController,
        IntegrityController,
        HealthController,
        SessionController,
        LiveController,
        DashboardController,
      ],
      providers: [
        { provide: LEDGER, useValue: ledger },
        {
          provide: AUTHENTICATOR,
          useValue: new Authenticator(ledger.events, ledger.secrets, ledger.config.adminToken),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ReadModelsGate,
        ExecuteCommandHandler,
        ImportCommandsHandler,
        Sessions,
        LiveFeed,
      ],
    };
  }
}
