import { Runtime, loadConfig } from '@toc/runtime';

/**
 * The projector on its own: runs the read models from the event store's subscription, apart from
 * the api (start the api with EMBEDDED_PROJECTOR=false). Logs its status every ten seconds.
 */
const run = async () => {
  const runtime = await Runtime.open(loadConfig());
  await runtime.startProjector();
  const report = async () => {
    const status = await runtime.projector.statusView();
    console.log(JSON.stringify({ at: new Date().toISOString(), ...status }));
  };
  await report();
  const timer = setInterval(() => void report(), 10_000);
  const stop = async () => {
    clearInterval(timer);
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
