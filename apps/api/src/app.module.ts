import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import {
  AuditTrail,
  Authenticator,
  CommandPipeline,
  IntegrityService,
  Passwords,
  ReadSide,
  RecordIndex,
  RecordPages,
  RegisterDesk,
  Runtime,
  SecretStore,
  TownshipReads,
  Warnings,
} from '@sunshine/application';
import { ProjectionRunner } from '@sunshine/projections';
import { AuthGuard } from './auth/auth.guard';
import { CommandsController } from './commands/commands.controller';
import { ExecuteCommandHandler } from './commands/execute-command.handler';
import { ImportCommandsHandler } from './commands/import-commands.handler';
import { HealthController } from './health/health.controller';
import { CLOCK, CONFIG, EVENT_STORE, READ_STORE } from './runtime.tokens';
import { ProblemFilter } from './problems/problem.filter';
import { TermsController } from './queries/terms.controller';
import { AuditTrailController } from './queries/audit-trail.controller';
import { ReadModelsGate } from './queries/read-models.gate';
import { SummaryController } from './queries/summary.controller';
import { VillagesController } from './villages/villages.controller';
import { ReportController } from './queries/report.controller';
import { IntegrityController } from './queries/integrity.controller';
import { SessionController } from './auth/session.controller';
import { PasswordController } from './auth/password.controller';
import { Sessions } from './auth/sessions';
import { LiveController } from './live/live.controller';
import { LiveFeed } from './live/live-feed';
import { RecordsController } from './records/records.controller';
import { UsersController } from './users/users.controller';
import { RegistersController } from './registers/registers.controller';
import { WarningsController } from './warnings/warnings.controller';
import { WebAppController } from './web/web-app.controller';
import { Lifecycle } from './operations/lifecycle';
import { Metrics } from './operations/metrics';
import { MetricsController } from './operations/metrics.controller';

/** What the application shares with whoever runs it: the metrics and whether it is stopping. */
export interface AppParts {
  lifecycle: Lifecycle;
  metrics: Metrics;
}

/**
 * The HTTP application around an opened runtime (the composition root opens it: main.ts, tests).
 * Each piece of the runtime is provided on its own, so a controller receives only what it uses.
 */
@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime, parts: AppParts): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        CommandsController,
        TermsController,
        SummaryController,
        VillagesController,
        ReportController,
        AuditTrailController,
        IntegrityController,
        HealthController,
        SessionController,
        PasswordController,
        LiveController,
        RecordsController,
        UsersController,
        RegistersController,
        WarningsController,
        WebAppController,
        MetricsController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: runtime.events },
        { provide: READ_STORE, useValue: runtime.reads },
        { provide: CONFIG, useValue: runtime.config },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: RecordIndex, useValue: new RecordIndex(runtime.reads, runtime.clock) },
        { provide: RecordPages, useValue: new RecordPages(runtime.reads, runtime.events, runtime.clock) },
        {
          provide: RegisterDesk,
          useValue: new RegisterDesk(runtime.reads, runtime.events, runtime.commands, {
            clock: runtime.clock,
            subjectExists: (subjectId) => runtime.secrets.subjectKey(subjectId) !== undefined,
          }),
        },
        { provide: CommandPipeline, useValue: parts.metrics.meter(runtime.commands) },
        { provide: ProjectionRunner, useValue: runtime.runner },
        { provide: ReadSide, useValue: runtime.readSide },
        { provide: IntegrityService, useValue: runtime.integrity },
        { provide: SecretStore, useValue: runtime.secrets },
        { provide: Warnings, useValue: runtime.warnings },
        { provide: TownshipReads, useValue: new TownshipReads(runtime.reads, runtime.readSide, runtime.warnings) },
        { provide: AuditTrail, useValue: new AuditTrail(runtime.events, runtime.secrets, runtime.clock) },
        {
          provide: Authenticator,
          useValue: new Authenticator(runtime.events, runtime.secrets, runtime.config.adminToken),
        },
        {
          provide: Passwords,
          useFactory: (authenticator: Authenticator) => new Passwords(runtime.secrets, authenticator, runtime.clock),
          inject: [Authenticator],
        },
        { provide: Lifecycle, useValue: parts.lifecycle },
        { provide: Metrics, useValue: parts.metrics },
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
