/**
 * Webhook signing secrets at rest. A secret signs every delivery (HMAC), so unlike a token it
 * cannot be stored as a hash; it is stored sealed with AES-256-GCM under a key that lives in a
 * separate file beside the database, `<db>.key`, never in the database. A copy of the database
 * file alone (a backup, an attachment, a shared folder) then holds no usable secret.
 *
 * Guarantees:
 * - A sealed value is `enc1.<key id>.<iv>.<ciphertext>.<tag>` (base64url); the key id is the first
 *   8 hex digits of the key's SHA-256, so a value sealed under another key is named as such.
 *   The subscription id is bound in as associated data: a sealed value moved to another row
 *   does not open.
 * - The key file is created only when a secret is sealed, exclusively, mode 0600. It is read
 *   only if it is a regular file (not a symlink) owned by this user with no group or other
 *   access; otherwise the error names the file and the fix.
 * - The file holds one key per line, the first seals; the others still open. Rotation writes the
 *   new key first, re-seals, then drops the old ones, so a crash at any point leaves every
 *   stored value openable.
 * - `:memory:` databases keep their key in memory (nothing is at rest).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/index.js';

const PREFIX = 'enc1.';
const KEY_LINE = /^[0-9a-f]{64}$/;

export type Opened = { secret: string; problem: null } | { secret: null; problem: string };

export interface SecretBox {
  /** Where the key lives (null for `:memory:`). */
  readonly keyPath: string | null;
  seal(plain: string, rowId: string): string;
  open(stored: string, rowId: string): Opened;
  /** A new first key (kept with the old ones until `dropOldKeys`); returns its id. */
  addKey(): string;
  /** Keep only the sealing key. */
  dropOldKeys(): void;
  /** The ids of the keys the file holds; null when there is no key yet (no file). */
  keyIds(): string[] | null;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);
/** The id of the key a sealed value names; null for a value stored in clear. */
export const sealedKeyId = (stored: string): string | null => (isSealed(stored) ? (stored.slice(PREFIX.length).split('.')[0] ?? '') : null);
export const keyPathOf = (dbPath: string): string | null => (dbPath === ':memory:' ? null : `${dbPath}.key`);
const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);
const b64 = (b: Buffer): string => b.toString('base64url');

function readKeys(path: string): Buffer[] | null {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('STORE', `cannot read the webhook key file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const uid = process.getuid?.();
  if (!st.isFile()) throw new AppError('STORE', `the webhook key file ${path} is not a regular file (a symlink or a folder): put the key file itself there`);
  if (uid !== undefined && st.uid !== uid)
    throw new AppError('STORE', `the webhook key file ${path} belongs to another user (uid ${st.uid}): it must be this user's own`);
  if ((st.mode & 0o077) !== 0)
    throw new AppError('STORE', `the webhook key file ${path} can be read by other users (mode ${(st.mode & 0o777).toString(8)}): run chmod 600 ${path}`);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const bad = lines.findIndex((l) => !KEY_LINE.test(l));
  if (!lines.length || bad >= 0)
    throw new AppError(
      'STORE',
      `the webhook key file ${path} line ${bad + 1 || 1} is not a key (64 hex digits): restore the file that was beside the database`,
    );
  return lines.map((l) => Buffer.from(l, 'hex'));
}

function writeKeys(path: string, keys: Buffer[], exclusive: boolean): void {
  const text = keys.map((k) => k.toString('hex')).join('\n') + '\n';
  if (exclusive) {
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, path);
}

export function secretBox(dbPath: string): SecretBox {
  const keyPath = keyPathOf(dbPath);
  let memory: Buffer[] | null = null; // the ring of a :memory: database
  const ring = (create: boolean): Buffer[] | null => {
    if (keyPath === null) {
      if (!memory && create) memory = [randomBytes(32)];
      return memory;
    }
    const keys = readKeys(keyPath);
    if (keys || !create) return keys;
    const fresh = [randomBytes(32)];
    try {
      writeKeys(keyPath, fresh, true);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKeys(keyPath);
      throw new AppError('STORE', `cannot create the webhook key file ${keyPath}: ${(e as Error).message}`, { cause: e });
    }
    return fresh;
  };
  const store = (keys: Buffer[]) => {
    if (keyPath === null) memory = keys;
    else writeKeys(keyPath, keys, false);
  };
  return {
    keyPath,
    seal(plain, rowId) {
      const key = ring(true)![0]!;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(rowId, 'utf8'));
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}${keyId(key)}.${b64(iv)}.${b64(ct)}.${b64(c.getAuthTag())}`;
    },
    open(stored, rowId) {
      if (!isSealed(stored)) return { secret: stored, problem: null };
      const [id, iv, ct, tag] = stored.slice(PREFIX.length).split('.');
      let keys: Buffer[] | null;
      try {
        keys = ring(false);
      } catch (e) {
        return { secret: null, problem: (e as Error).message };
      }
      const where = keyPath ?? 'memory';
      const key = keys?.find((k) => keyId(k) === id);
      if (!key)
        return {
          secret: null,
          problem: keys
            ? `the secret of ${rowId} was sealed with key ${id}, which the key file ${where} does not hold (it holds ${keys.map(keyId).join(', ')}): restore the key file that was beside the database, or remove the subscription and add it again`
            : `the secret of ${rowId} was sealed with key ${id} and the key file ${where} is missing: restore the key file that was beside the database, or remove the subscription and add it again`,
        };
      try {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
        d.setAAD(Buffer.from(rowId, 'utf8'));
        d.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
        return { secret: Buffer.concat([d.update(Buffer.from(ct ?? '', 'base64url')), d.final()]).toString('utf8'), problem: null };
      } catch {
        return {
          secret: null,
          problem: `the sealed secret of ${rowId} does not open with key ${id} (altered, or moved from another subscription): remove the subscription and add it again`,
        };
      }
    },
    addKey() {
      const fresh = randomBytes(32);
      store([fresh, ...(ring(false) ?? [])]);
      return keyId(fresh);
    },
    dropOldKeys() {
      const keys = ring(false);
      if (keys && keys.length > 1) store([keys[0]!]);
    },
    keyIds() {
      return ring(false)?.map(keyId) ?? null;
    },
  };
}
