import type { Command } from 'commander';
import { ORGANISATION_TYPES } from '../../shared/model/organisation';
import { ADMIN_CALLS, ROLES, type AdminAnswer, type AdminCallName, type AdminRequest } from '../../shared/sync/admin-protocol';
import type { CliContext } from './context';
import { endpoint, post, readAccount, requestPolicy } from '../../electron/services/sync/client';
import { formatTable } from './table';

// `karte admin …`: organisations, users, devices and tokens of the sync server this store is signed in to, for a
// user of role admin. The server checks the role; the CLI only carries the store's token there.

/** Sends one admin call with the store's account; bodies and answers are checked against the shared schemas. */
async function call<K extends AdminCallName>(context: CliContext, name: K, request: AdminRequest<K>): Promise<AdminAnswer<K>> {
  const account = context.withStore(readAccount);
  if (!account) throw new Error('not signed in: run karte login --server URL --user LOGIN (an admin) first');
  const { route, request: requestSchema, answer } = ADMIN_CALLS[name];
  // No retries: an add the server took before the connection broke would come back as "exists already".
  return (await post(endpoint(account.server, route), requestSchema.parse(request), account.token, answer, requestPolicy({ retryDelays: [] }))) as AdminAnswer<K>;
}

function devicesText(devices: AdminAnswer<'userList'>['users'][number]['devices']): string {
  return devices.map((d) => (d.revoked ? `${d.id} (revoked)` : d.id)).join(', ') || '—';
}

type TokenEntry = AdminAnswer<'tokenList'>['tokens'][number];

/** A moment as the server gives it (ISO, UTC), to the minute: the server records a token's use no finer. */
function minuteText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')}Z`;
}

function tokenStatus(token: TokenEntry): string {
  if (token.revoked) return 'revoked';
  return Date.parse(token.expires) <= Date.now() ? 'expired' : 'active';
}

export function registerAdminCommands(program: Command, context: CliContext): void {
  const { print } = context;
  const admin = program.command('admin').description('manage the sync server this store is signed in to (role admin): organisations, users, devices, tokens');

  const org = admin.command('org').description('organisations');
  org
    .command('add')
    .description('add an organisation')
    .argument('<name>')
    .requiredOption('--type <type>', ORGANISATION_TYPES.join(' | '))
    .action(async (name: string, options: { type: string }) => {
      const added = await call(context, 'orgAdd', { name, type: options.type as AdminRequest<'orgAdd'>['type'] });
      print(added, () => `added organisation ${added.name} (${added.type})`);
    });
  org
    .command('list')
    .description('organisations with their number of users')
    .action(async () => {
      const { organisations } = await call(context, 'orgList', {});
      print(organisations, () =>
        formatTable(
          ['organisation', 'type', 'users'],
          organisations.map((o) => [o.name, o.type, String(o.users)]),
        ),
      );
    });

  const user = admin.command('user').description('users');
  user
    .command('add')
    .description('add a user (password from KARTE_PASSWORD or stdin, never an argument)')
    .argument('<login>')
    .requiredOption('--org <name>', 'the organisation the user belongs to')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .action(async (login: string, options: { org: string; role: string }) => {
      const password = await context.readPassword();
      const added = await call(context, 'userAdd', { login, org: options.org, role: options.role as AdminRequest<'userAdd'>['role'], password });
      print(added, () => `added user ${added.login} (${added.role}) to ${added.org}`);
    });
  user
    .command('list')
    .description('users with their organisation, role, status and devices')
    .action(async () => {
      const { users } = await call(context, 'userList', {});
      print(users, () =>
        formatTable(
          ['login', 'organisation', 'role', 'status', 'devices'],
          users.map((u) => [u.login, u.org, u.role, u.disabled ? 'disabled' : 'active', devicesText(u.devices)]),
        ),
      );
    });
  user
    .command('disable')
    .description('disable a user: every device of it is signed out')
    .argument('<login>')
    .action(async (login: string) => {
      const disabled = await call(context, 'userDisable', { login });
      print(disabled, () => `disabled ${disabled.login}: ${disabled.tokensRevoked} token(s) revoked`);
    });

  admin
    .command('device')
    .description('devices')
    .command('revoke')
    .description('revoke a device (karte admin user list shows them): it is signed out and removes its synced data')
    .argument('<deviceId>')
    .action(async (device: string) => {
      const revoked = await call(context, 'deviceRevoke', { device });
      print(revoked, () => `revoked device ${revoked.device} of ${revoked.login}: ${revoked.tokensRevoked} token(s) revoked`);
    });

  const token = admin.command('token').description('the tokens devices are signed in with');
  token
    .command('list')
    .description('tokens with their user, device, when issued, last used and when they expire (UTC)')
    .option('--user <login>', "only this user's tokens")
    .action(async (options: { user?: string }) => {
      const { tokens } = await call(context, 'tokenList', { login: options.user });
      print(tokens, () =>
        formatTable(
          ['id', 'login', 'device', 'created', 'last used', 'expires', 'status'],
          tokens.map((t) => [t.id, t.login, t.device, minuteText(t.created), minuteText(t.lastUsed), minuteText(t.expires), tokenStatus(t)]),
        ),
      );
    });
  token
    .command('revoke')
    .description('revoke one token (karte admin token list shows them): its device must sign in again')
    .argument('<id>')
    .action(async (id: string) => {
      const revoked = await call(context, 'tokenRevoke', { id });
      print(revoked, () => `revoked token ${revoked.id} of ${revoked.login} (device ${revoked.device})`);
    });
}
