import { DATA_FILES, Runtime, backUp, loadConfig, restore } from '@toc/runtime';
import { ParsedArgs, UsageError } from './args';
import { verify } from './commands';

type Flags = ParsedArgs['flags'];

const directoryFlag = (flags: Flags, name: string, command: string): string => {
  const value = flags[name];
  if (!value || value === 'true') throw new UsageError(`${command} needs --${name} DIR`);
  return value;
};

/** `backup --to DIR`: a consistent copy of the stores, taken while the service runs. */
export const backupCommand = async (dataDir: string, flags: Flags) => {
  const target = directoryFlag(flags, 'to', 'backup');
  const files = await backUp(dataDir, target);
  console.log(`backed up ${files.join(', ')} to ${target}; keep ${DATA_FILES.personalDataKeys} apart from the rest`);
};

/**
 * `restore --from DIR`, with the service stopped: puts the backup in place, then verifies the
 * restored event store's hash chain as `verify` does (exit code 2 when it is broken). The read
 * models are rebuilt at the next start.
 */
export const restoreCommand = async (flags: Flags, env: NodeJS.ProcessEnv = process.env) => {
  const config = loadConfig(env);
  const files = restore(directoryFlag(flags, 'from', 'restore'), config.dataDir);
  console.log(`restored ${files.join(', ')} into ${config.dataDir}`);
  const runtime = await Runtime.open(config);
  try {
    await verify(runtime, flags);
  } finally {
    await runtime.close();
  }
};
