import type { Command } from 'commander';
import { ORGANISATION_TYPES } from '../../shared/model/organisation';
import { ADMIN_CALLS, ROLES, type AdminAnswer, type AdminCallName, type AdminRequest } from '../../shared/sync/admin-protocol';
import type { Store } from '../../electron/services/store/store';
import { endpoint, post, readAccount } from '../../electron/services/sync/client';
import { formatTable } from './table';

// `karte admin …`: organisations, users and devices of the sync server this store is signed in to, for a user of
// role admin. The server checks the role; the CLI only carries the store's token there.

export interface AdminContext {
  withStore: <T>(work: (store: Store) => T) => T;
  print: (json: unknown, text: () => string) => void;
  readPassword: () => Promise<string>;
}

/** Sends one admin call with the store's account; bodies and answers are checked against the shared schemas. */
async function call<K extends AdminCallName>(context: AdminContext, name: K, request: AdminRequest<K>): Promise<AdminAnswer<K>> {
  const account = context.withStore(readAccount);
  if (!account) throw new Error('not signed in: run karte login --server URL --user LOGIN (an admin) first');
  const { route, request: requestSchema, answer } = ADMIN_CALLS[name];
  // No retries: an add the server took before the connection broke would come back as "exists already".
  const answered = await post<unknown>(endpoint(account.server, route), requestSchema.parse(request), account.token, []);
  return answer.parse(answered) as AdminAnswer<K>;
}

function devicesText(devices: AdminAnswer<'userList'>['users'][number]['devices']): string {
  return devices.map((d) => (d.revoked ? `${d.id} (revoked)` : d.id)).join(', ') || '—';
}

export function registerAdminCommands(program: Command, context: AdminContext): void {
  const { print } = context;
  const admin = program.command('admin').description('manage the sync server this store is signed in to (role admin): organisations, users, devices');

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
      print(organisations, () => formatTable(['organisation', 'type', 'users'], organisations.map((o) => [o.name, o.type, String(o.users)])));
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
}
