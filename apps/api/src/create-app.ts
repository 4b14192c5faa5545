import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Ledger } from '@sunshine/application';
import { AppModule } from './app.module';

/** Builds the HTTP application on an opened ledger: the same for `npm start`, the CLI's serve and e2e tests. */
export const createApp = async (ledger: Ledger, options: { logger?: boolean } = {}): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forLedger(ledger), {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  const openapi = new DocumentBuilder()
    .setTitle('Sunshine Ledger (阳光台账) API')
    .setDescription(`Township ${ledger.config.townshipName}: commands, summaries, ledgers, audit trail and integrity proofs.`)
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('sunshine_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
};
