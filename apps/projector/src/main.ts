import { messageOf } from '@toc/domain';
import { Runtime, loadConfig } from '@toc/runtime';
import { portOf, startHealthServer } from './health-server';

/**
 * The projector on its own: runs the read models from the event store's subscription, apart from
 * the api (start the api with EMBEDDED_PROJECTOR=false). Several may run: the one holding a
 * projection's lease runs it, the others stand by to take over. Answers health and metrics on
 * PROJECTOR_PORT and logs its status every ten seconds; a store it cannot reach is logged and
 * waited out, never a reason to exit.
 */
const run = async () => {
  const runtime = await Runtime.open(loadConfig());
  // Before the lease is sought: a port that cannot be bound stops the process before it holds anything.
  const health = await startHealthServer(runtime);
  await runtime.startProjector();
  console.log(JSON.stringify({ at: new Date().toISOString(), listening: `http://${runtime.config.host}:${portOf(health)}`, serves: ['/health/live', '/health/ready', '/metrics'] }));
  const report = async () => {
    const status = await runtime.projector.statusView().catch((error) => ({ error: `status unavailable: ${messageOf(error)}` }));
    console.log(JSON.stringify({ at: new Date().toISOString(), ...status }));
  };
  await report();
  const timer = setInterval(() => void report(), 10_000);
  const stop = async () => {
    clearInterval(timer);
    health.close();
    await runtime.close().catch((error) => console.error(`projector: closing: ${messageOf(error)}`));
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

run().catch((error) => {
  console.error(`projector: cannot start: ${messageOf(error)}`);
  process.exit(1);
});
