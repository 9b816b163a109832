import { messageOf } from '@toc/domain';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Runtime, ensureFirstAdminKey, loadConfig } from '@toc/runtime';
import { createApp } from './app';

/** The embedded default: api and projector in one process on SQLite files under DATA_DIR. */
const bootstrap = async () => {
  const config = loadConfig();
  const runtime = await Runtime.open(config);
  const firstKey = await ensureFirstAdminKey(runtime.keys, config.auth.seededAdminKey);
  if (firstKey)
    new Logger('api').warn(
      `created the first admin API key; it is shown only now, keep it safe and create other keys with it (npm run cli -- keys create):\n  ${firstKey.key}`,
    );
  if (config.embeddedProjector) await runtime.startProjector();
  const app = await createApp(runtime);
  const close = async () => {
    await app.close();
    await runtime.close();
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen(config.port, config.host);
  new Logger('api').log(`listening on ${config.host}:${config.port}; data in ${config.dataDir}; read models on ${config.readModelStore}; docs at /docs`);
};

bootstrap().catch((error) => {
  // Configuration errors and unreachable stores end here: say why and stop.
  console.error(`api: cannot start: ${messageOf(error)}`);
  process.exit(1);
});
