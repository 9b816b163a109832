import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

export interface ProjectorProcess {
  readonly child: ChildProcess;
  /** Ends the process with `signal` (SIGTERM lets it release its lease) and waits until it has gone, killing it after 10 s. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * `apps/projector` in a process of its own, as `npm run start:projector` runs it, from the
 * TypeScript sources. Its settings are `env` alone: none leak in from the test's environment.
 */
export const startProjectorProcess = (env: NodeJS.ProcessEnv): ProjectorProcess => {
  const child = spawn(process.execPath, ['--require', join(ROOT, 'test/register-ts.js'), join(ROOT, 'apps/projector/src/main.ts')], {
    // A free port for its health server unless the test names one: several may run at once.
    env: { PATH: process.env.PATH, PROJECTOR_PORT: '0', ...env },
    // Its errors go to the test's own stderr, where a failing test shows them.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  return {
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
};
