import { AppConfig, copyEvents, loadConfig, openEventStore } from '@toc/runtime';
import { ParsedArgs, UsageError } from './args';
import { writeProgress } from './progress';

type Flags = ParsedArgs['flags'];

/** The target store of `migrate`, configured as the service would be. */
const targetConfig = (flags: Flags): AppConfig => {
  if (flags['to-data-dir'] && flags['to-data-dir'] !== 'true') return loadConfig({ DATA_DIR: flags['to-data-dir'] });
  if (flags['to-kurrentdb'] && flags['to-kurrentdb'] !== 'true')
    return loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: flags['to-kurrentdb'], DATA_DIR: flags['index-dir'] ?? process.env.DATA_DIR });
  throw new UsageError('migrate needs --to-data-dir DIR (another SQLite event store) or --to-kurrentdb URL');
};

/**
 * `migrate`: copies every event of this data directory's store into another store, in order with
 * ids and metadata, resumable; ends with counts and a digest over both sides (exit code 2 when
 * they differ).
 */
export const migrate = async (source: AppConfig, flags: Flags) => {
  const target = targetConfig(flags);
  if (target.eventStore === source.eventStore && target.dataDir === source.dataDir) throw new UsageError('the target is the source');
  const [from, to] = await Promise.all([openEventStore(source), openEventStore(target)]);
  try {
    const report = await copyEvents(from, to, (done) => writeProgress(`${done} events`));
    console.log(`\ncopied ${report.copied}, already there ${report.skipped}, ${report.events} events in the source`);
    console.log(report.ok ? `ok: both logs have digest ${report.sourceDigest}` : `DIFFERENT: source ${report.sourceDigest}, target ${report.targetDigest}`);
    if (!report.ok) process.exitCode = 2;
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
};
