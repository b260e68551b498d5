/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, the cost
 * parameters stored beside the hash so they can be raised later without invalidating old hashes,
 * and a constant-time comparison.
 *
 * Stored form: `scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>`.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { FieldError } from '../errors.js';

const DEFAULT_COST = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keylen, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** scrypt needs 128·N·r bytes; allow twice that so the default 32 MiB limit is not in the way. */
function memoryFor(N: number, r: number): number {
  return 256 * N * r;
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: memoryFor(cost.N, cost.r) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (!N || !r || !p || !expected.length) return false;
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: memoryFor(N, r) });
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, compared against when a username does not exist so that an unknown
 * user costs as much time as a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'qwertyuiop',
  'qwerty1234',
  '1234567890',
  '0123456789',
  '1q2w3e4r5t',
  'iloveyou12',
  'letmein123',
  'administrator',
  'changeme',
  'changeme123',
  'welcome123',
  'trustno1',
  'sanctions',
  'tangletangle',
]);

/** Refuse passwords that are empty, short, made of very few characters, common, or the username. */
export function checkPasswordStrength(password: string, username?: string): void {
  if (!password) throw new FieldError('password', 'is empty');
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new FieldError('password', `is longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new FieldError('password', `is too short: use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (new Set(password).size < 4)
    throw new FieldError('password', 'is too weak: it repeats too few characters');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) throw new FieldError('password', 'is too common');
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    throw new FieldError('password', 'must not contain the username');
  }
}
