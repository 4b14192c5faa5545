import 'reflect-metadata';
import { ConfigError, loadConfig, StoreLocked } from '@sunshine/application';
import { bootstrapAdmin, openServerRuntime } from './server-runtime';
import { createApp } from './create-app';
import { Lifecycle } from './operations/lifecycle';
import { shutDown } from './operations/shutdown';

const main = async () => {
  const config = loadConfig();
  const runtime = await openServerRuntime(config);
  const generated = await bootstrapAdmin(runtime);
  const lifecycle = new Lifecycle();
  const app = await createApp(runtime, { lifecycle });
  // Every interface, as Node's own default (Fastify alone would take only localhost).
  await app.listen(config.port, '::');
  const address = `http://localhost:${config.port}`;
  console.log(
    `阳光台账 Sunshine Ledger · ${config.townshipName} · ${address}/api/v1 · OpenAPI ${address}/api/docs · data ${config.dataDir}`,
  );
  if (generated) console.log(`管理员令牌（仅显示这一次）admin token, shown once: ${generated}`);
  const shutdown = () =>
    shutDown(app, lifecycle, config.http.shutdownGraceMs, () => runtime.close()).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof StoreLocked) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
