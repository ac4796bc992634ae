import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keys protecting ID numbers at rest: AES-256-GCM keys by id (the current one encrypts, every listed
 * one decrypts) and the HMAC key of the lookup hash. Read from the environment:
 *
 * - `PERSONAL_DATA_KEY`: `<id>:<64 hex digits>`, the current encryption key
 * - `PERSONAL_DATA_OLD_KEYS`: `<id>:<hex>,<id>:<hex>` still needed to read rows not yet re-encrypted
 * - `PERSONAL_DATA_HMAC_KEY`: 64 hex digits, the key of the duplicate and lookup hash
 *
 * Outside production, missing keys fall back to fixed development keys derived from a public phrase:
 * they protect nothing and exist so that `npm start` works without configuration.
 */
export interface PersonalDataKeys {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
  hmacKey: Buffer;
}

const DEV_PHRASE = 'zhejiang-enrollment-development-only';
const devKey = (purpose: string) => createHash('sha256').update(`${DEV_PHRASE}:${purpose}`).digest();

function readKey(name: string, text: string): [string, Buffer] {
  const match = /^([A-Za-z0-9_-]{1,20}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match) throw new Error(`${name} must be <key id>:<64 hex digits> (a 256-bit key), e.g. k2026:${'0'.repeat(64)}`);
  return [match[1]!, Buffer.from(match[2]!, 'hex')];
}

export function readPersonalDataKeys(source: NodeJS.ProcessEnv): PersonalDataKeys {
  const production = source.NODE_ENV === 'production';
  const current = source.PERSONAL_DATA_KEY;
  const hmac = source.PERSONAL_DATA_HMAC_KEY;
  if (production && (!current || !hmac)) {
    throw new Error('PERSONAL_DATA_KEY and PERSONAL_DATA_HMAC_KEY are required when NODE_ENV=production (see README: personal data)');
  }
  const keys = new Map<string, Buffer>();
  const [currentId, currentKey] = current ? readKey('PERSONAL_DATA_KEY', current) : ['dev', devKey('encryption')];
  keys.set(currentId, currentKey);
  for (const part of (source.PERSONAL_DATA_OLD_KEYS ?? '').split(',').filter((p) => p.trim())) {
    const [id, key] = readKey('PERSONAL_DATA_OLD_KEYS', part);
    if (!keys.has(id)) keys.set(id, key);
  }
  if (hmac !== undefined && !/^[0-9a-fA-F]{64}$/.test(hmac)) throw new Error('PERSONAL_DATA_HMAC_KEY must be 64 hex digits');
  return { currentId, keys, hmacKey: hmac ? Buffer.from(hmac, 'hex') : devKey('lookup') };
}

let configured: PersonalDataKeys | undefined;

/** The process's keys, read from the environment on first use (the server checks them at start). */
export const personalDataKeys = (): PersonalDataKeys => (configured ??= readPersonalDataKeys(process.env));

/** `iv.tag.ciphertext` in base64url, under the current key; the key id is stored next to it. */
export function encryptIdNumber(idNumber: string, keys = personalDataKeys()): { cipher: string; keyId: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.currentId)!, iv);
  const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return { cipher: [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.'), keyId: keys.currentId };
}

export function decryptIdNumber(stored: string, keyId: string, keys = personalDataKeys()): string {
  const key = keys.keys.get(keyId);
  if (!key) throw new Error(`personal data key ${keyId} is not configured (PERSONAL_DATA_OLD_KEYS)`);
  const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}

/** The keyed hash duplicates and lookups compare: equal numbers, equal hashes; nothing to guess from without the key. */
export const idNumberHash = (normalized: string, keys = personalDataKeys()): string => createHmac('sha256', keys.hmacKey).update(normalized).digest('hex');
