import { Runtime, loadConfig } from '@toc/runtime';
import { UsageError, parseArgs } from './args';
import * as commands from './commands';
import { loggedOnHost } from './host-access';
import { backupCommand, restoreCommand } from './backup';
import { keys } from './keys';
import { migrate } from './migrate';

const USAGE = `usage: npm run cli -- <command> [options]

  status                              projection status: checkpoint, head, lag, state, rebuild progress
  rebuild [programme] [--api URL] [--api-key KEY]
                                      blue/green rebuild with a progress bar: here (refused while another process holds
                                      the projection's lease), or in the running service with --api, authenticated with
                                      an admin key from --api-key or TOC_API_KEY
  replay [--as-of T] [--known-at T] [--period-type programme|year|half-year|quarter] [--period P]
         [--format table|csv|json] [--out FILE]
                                      indicator values as of a business time and/or as known at a recording time
  diff --from-as-of|--from-known-at T --to-as-of|--to-known-at T [--period-type ..] [--period ..]
                                      every indicator figure that changed between two moments
  audit [--stream ID] [--category C] [--actor U] [--role R] [--source-app A] [--types T1,T2]
        [--occurred-from T] [--occurred-to T] [--recorded-from T] [--recorded-to T] [--correlation ID]
        [--after POS] [--limit N]     the audit log with corrections and retractions
  export events [--format ndjson|csv] [--separator ';'|','] [filters as for audit] [--out FILE]
  export indicators [--period-type ..] [--period ..] [--as-of T] [--known-at T] [--separator ..] [--decimal comma|point] [--out FILE]
  report [--period-type ..] [--period ..] [--known-at T] [--out report.html]
                                      self-contained HTML evaluation report
  verify [--anchor POSITION:HASH]     check the event store's hash chain (and that it still passes through an
                                      anchor kept elsewhere, e.g. from a report, or the newest in ANCHOR_FILE);
                                      exit code 2 on a broken link, removed or forged events
  seed-demo                           record a realistic programme year through the command path
  keys create --name NAME --role recorder|evaluator|admin|monitor[,...] [--on-behalf]
                                      create an API key (printed once); --on-behalf lets it send X-On-Behalf-Of
  backup --to DIR                     a consistent copy of the stores (not the read models) while the service runs
  restore --from DIR [--anchor P:H]   with the service stopped: put a backup in place and verify its hash chain
  migrate --to-data-dir DIR | --to-kurrentdb URL [--index-dir DIR]
                                      copy every event, in order with ids and metadata, into another store;
                                      resumable; ends with counts and a digest of both logs (exit code 2 if they differ)
  keys list | keys revoke ID          the keys with their roles (never the keys themselves); revoke one

Times (T) are ISO 8601 with an offset (2010-12-31T20:00:00+01:00, 2010-12-31T19:00:00Z) or a date (2010-12-31),
a whole day in Copenhagen: --as-of, --known-at, --from-* and --to-* mean its last millisecond, --occurred-from and
--recorded-from its first instant, --occurred-to and --recorded-to (exclusive) the next midnight.

Settings come from the environment as for the service (DATA_DIR, READ_MODEL_STORE, MONGODB_URL, ...).`;

const main = async () => {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const [command, argument] = positional;
  if (!command || flags.help) return console.log(USAGE);
  // These work on the stores' files or open the stores themselves: restore replaces them, migrate opens two.
  if (command === 'backup') return backupCommand(loadConfig().dataDir, flags);
  if (command === 'restore') return restoreCommand(flags);
  if (command === 'migrate') return migrate(loadConfig(), flags);
  const runtime = await Runtime.open(loadConfig());
  try {
    switch (command) {
      case 'status':
        return await commands.status(runtime);
      case 'rebuild':
        return await loggedOnHost(runtime.accessLog, 'rebuild-projection', [command, argument], flags, () => commands.rebuild(runtime, argument, flags));
      case 'replay':
        return await loggedOnHost(runtime.accessLog, 'replay', [command], flags, () => commands.replay(runtime, flags));
      case 'diff':
        return await loggedOnHost(runtime.accessLog, 'replay', [command], flags, () => commands.diff(runtime, flags));
      case 'audit':
        return await commands.audit(runtime, flags);
      case 'export':
        return await loggedOnHost(runtime.accessLog, 'export', [command, argument], flags, () => commands.exportData(runtime, argument, flags));
      case 'report':
        return await loggedOnHost(runtime.accessLog, 'report', [command], flags, () => commands.report(runtime, flags));
      case 'verify':
        return await commands.verify(runtime, flags);
      case 'seed-demo':
        return await commands.seed(runtime);
      case 'keys':
        return await keys(runtime.keys, argument, positional[2], flags);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await runtime.close();
  }
};

main().catch((error) => {
  console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 64 : 1);
});
