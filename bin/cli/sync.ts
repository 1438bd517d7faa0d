import type { Command } from 'commander';
import { KarteError } from '../../shared/errors';
import type { ConflictSideView } from '../../shared/sync/status';
import { shortId, showValue, timeText, type CliContext } from './context';

// `karte login`, `sync`, `conflicts`, `conflict resolve`: the store's sync with the central server, through the same
// calls as the app's sync screen (a sync runs when asked: the command line keeps no sync of its own running).

function sideText(side: ConflictSideView): string {
  return `${showValue(side.value)}  (${side.author}, ${timeText(side.at)})`;
}

export function registerSyncCommands(program: Command, { run, print, readPassword }: CliContext): void {
  program
    .command('login')
    .description('sign this store in to a sync server (password from KARTE_PASSWORD or stdin)')
    .requiredOption('--server <url>', 'the sync server, e.g. http://127.0.0.1:8470')
    .requiredOption('--user <login>', 'your login')
    .action(async (options: { server: string; user: string }) => {
      const password = await readPassword();
      await run(async (karte) => {
        await karte.call('sync.signIn', { server: options.server, login: options.user, password });
        const { node } = await karte.call('app.info', {});
        print({ server: options.server, login: options.user, device: node }, () => `signed in to ${options.server} as ${options.user} (device ${node})`);
      });
    });

  program
    .command('sync')
    .description("push this store's changes to the sync server and pull what others changed")
    .action(() =>
      run(async (karte) => {
        const status = await karte.call('sync.now', {});
        if (status.lastError) throw KarteError.of(status.lastError);
        const report = status.lastReport!;
        print(report, () =>
          [
            `pushed ${report.pushed}, rejected ${report.rejected.length}, pulled ${report.pulled}, removed ${report.purged} (out of reach now), set aside ${report.quarantined}, conflicts ${report.conflicts}`,
            ...report.rejected.map((r) => `  rejected ${r.field} @ ${r.hlc}: ${r.reason}`),
          ].join('\n'),
        );
      }),
    );

  program
    .command('conflicts')
    .description('local values a synced change overwrote, waiting for a person: mine vs theirs')
    .action(() =>
      run(async (karte) => {
        const open = await karte.call('conflicts.list', {});
        print(open, () =>
          open.length === 0
            ? 'no open conflicts'
            : open
                .map((c) =>
                  [`#${c.id}  ${c.table} ${shortId(c.rowId)} (${c.record.label})  ${c.field}`, `  mine    ${sideText(c.mine)}`, `  theirs  ${sideText(c.theirs)}`].join('\n'),
                )
                .join('\n'),
        );
      }),
    );

  program
    .command('conflict')
    .description('settle conflicts')
    .command('resolve')
    .description('keep mine, keep theirs, or write a merge (--merged TEXT)')
    .argument('<id>', 'the conflict number')
    .argument('[choice]', 'mine | theirs')
    .option('--merged <text>', 'the merged value')
    .action((id: string, choice: string | undefined, options: { merged?: string }) =>
      run(async (karte) => {
        const resolution = options.merged === undefined ? { id: Number(id), resolution: choice } : { id: Number(id), resolution: 'merged', merged: options.merged };
        await karte.call('conflict.resolve', resolution);
        print({ id: Number(id), resolution: resolution.resolution }, () => `conflict ${id} resolved`);
      }),
    );
}
