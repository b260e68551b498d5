/**
 * `tangle user …`: accounts for the HTTP API, kept in the same store file. Passwords are never
 * asked for interactively: they come from standard input (--password-stdin) or $TANGLE_PASSWORD.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { AccountStore } from '../../auth/accounts.js';
import { openAccounts } from '../../auth/open.js';
import { isRole, ROLES, type Role } from '../../auth/roles.js';
import { UsageError } from '../../errors.js';
import type { DbOptions } from '../context.js';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';

async function withAccounts<T>(opts: DbOptions, body: (accounts: AccountStore) => Promise<T>): Promise<T> {
  return withStore(opts, async (store) => body(openAccounts(store)), false);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('--password-stdin reads the password from a pipe, not a terminal');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) return readStdin();
  const env = process.env.TANGLE_PASSWORD;
  if (env !== undefined) return env;
  throw new UsageError('give the password on standard input with --password-stdin, or in $TANGLE_PASSWORD');
}

function osUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

async function auditCli(
  accounts: AccountStore,
  action: string,
  target: string,
  detail: Record<string, unknown> | null,
) {
  await accounts.recordAudit({ actor: osUser(), via: 'cli', address: null, action, target, detail });
}

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('accounts for the HTTP API: add users, list them, issue and revoke API keys');

  withDb(
    user
      .command('add <username>')
      .description('add a user (password from --password-stdin or $TANGLE_PASSWORD)')
      .option('--admin', 'give the admin role (same as --role admin)')
      .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
      .option('--password-stdin', 'read the password from standard input')
      .option('--json', 'print JSON'),
  ).action(async (username: string, opts) => {
    const role: string = opts.admin ? 'admin' : opts.role;
    if (opts.admin && opts.role !== 'viewer' && opts.role !== 'admin') {
      throw new UsageError('--admin and --role disagree; give one of them');
    }
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const password = await passwordFrom(opts);
    await withAccounts(opts, async (accounts) => {
      const created = await accounts.createUser({ username, password, role: role as Role });
      await auditCli(accounts, 'user_create', created.username, { role: created.role });
      if (opts.json) return printJson(created);
      process.stdout.write(`added ${created.username} (${created.role})\n`);
    });
  });

  withDb(user.command('list').description('every user and their role').option('--json', 'print JSON')).action(
    async (opts) => {
      await withAccounts(opts, async (accounts) => {
        const users = await accounts.listUsers();
        const keys = await accounts.listApiKeys();
        if (opts.json) return printJson(users);
        printTable(
          ['username', 'role', 'created', 'active keys'],
          users.map((u) => [
            u.username,
            u.role,
            u.createdAt,
            keys.filter((k) => k.userId === u.id && !k.revokedAt).length,
          ]),
        );
      });
    },
  );

  withDb(
    user
      .command('key <username>')
      .description('issue an API key for a user; it is printed once and cannot be shown again')
      .option('--name <name>', 'what the key is for', '')
      .option('--json', 'print JSON'),
  ).action(async (username: string, opts) => {
    await withAccounts(opts, async (accounts) => {
      const owner = await accounts.getUser(username);
      if (!owner) throw new UsageError(`no user named ${username}`);
      const key = await accounts.createApiKey(owner.id, opts.name);
      await auditCli(accounts, 'api_key_create', key.id, { name: key.name, owner: owner.username });
      if (opts.json) return printJson(key);
      process.stdout.write(`${key.key}\n`);
      process.stderr.write(
        `API key ${key.id} for ${owner.username}: keep it now, it will not be shown again\n`,
      );
    });
  });

  withDb(
    user
      .command('keys [username]')
      .description('API keys (of one user, or everyone’s): id, name, created, last used, revoked')
      .option('--json', 'print JSON'),
  ).action(async (username: string | undefined, opts) => {
    await withAccounts(opts, async (accounts) => {
      let userId: number | undefined;
      if (username) {
        const owner = await accounts.getUser(username);
        if (!owner) throw new UsageError(`no user named ${username}`);
        userId = owner.id;
      }
      const keys = await accounts.listApiKeys({ userId });
      if (opts.json) return printJson(keys);
      printTable(
        ['id', 'user', 'name', 'created', 'last used', 'revoked'],
        keys.map((k) => [k.id, k.username, k.name, k.createdAt, k.lastUsedAt, k.revokedAt]),
      );
    });
  });

  withDb(user.command('revoke-key <id>').description('revoke an API key by its id')).action(
    async (id: string, opts) => {
      await withAccounts(opts, async (accounts) => {
        const key = await accounts.getApiKey(id);
        if (!key) throw new UsageError(`no API key ${id}`);
        if (!(await accounts.revokeApiKey(id))) throw new UsageError(`API key ${id} was revoked already`);
        await auditCli(accounts, 'api_key_revoke', id, { owner: key.username });
        process.stdout.write(`revoked API key ${id} of ${key.username}\n`);
      });
    },
  );
}
