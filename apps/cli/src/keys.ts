import { ApiKeyStore, ROLES, Role, isRole } from '@toc/runtime';
import { ParsedArgs, UsageError } from './args';

type Flags = ParsedArgs['flags'];

const rolesFlag = (flags: Flags): Role[] => {
  const names = (flags.role ?? '').split(',').filter(Boolean);
  if (names.length === 0) throw new UsageError(`keys create needs --role, one or more of ${ROLES.join(', ')} separated by commas`);
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length) throw new UsageError(`--role must be one or more of ${ROLES.join(', ')}, got "${unknown.join(',')}"`);
  return [...new Set(names as Role[])];
};

/**
 * `keys create|list|revoke` on the host, straight on the key file, so that an operator can always
 * get in (a lost admin key, a first key for an automated install) without a built-in password.
 */
export const keys = async (store: ApiKeyStore, action: string | undefined, id: string | undefined, flags: Flags) => {
  switch (action) {
    case 'create': {
      if (!flags.name || flags.name === 'true') throw new UsageError('keys create needs --name, e.g. the internal app that uses the key');
      const created = await store.create({ name: flags.name, roles: rolesFlag(flags), mayActOnBehalf: flags['on-behalf'] === 'true' });
      console.error(`created key ${created.id} "${created.name}" (${created.roles.join(', ')}); it is shown only now:`);
      return console.log(created.key);
    }
    case 'list':
      for (const key of await store.list())
        console.log([key.id, key.name, key.roles.join(','), key.mayActOnBehalf ? 'on-behalf' : '-', key.createdAt, key.revokedAt ? `revoked ${key.revokedAt}` : 'active'].join('\t'));
      return;
    case 'revoke':
      if (!id) throw new UsageError('keys revoke needs the key id (see keys list)');
      if (!(await store.revoke(id))) throw new UsageError(`no active key ${id}`);
      return console.log(`revoked key ${id}`);
    default:
      throw new UsageError('keys needs create, list or revoke');
  }
};
