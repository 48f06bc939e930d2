// The keys of the ID-number HMAC, as a key ring: the newest key hashes what is stored from now on,
// every older key still matches what it hashed. ID numbers themselves are never stored, so rows
// cannot be re-keyed; a key is retired once no row needs it (secrets CLI, docs/operations.md).
// Stored form: key 1 (the one migrated from older releases) unprefixed, key n > 1 as `k<n>:<hash>`,
// so the rows still hashed with a key can be counted.
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const IdHashKeyRingSchema = z.object({
  v: z.literal(1),
  current: z.number().int().min(1),
  keys: z.array(z.object({ id: z.number().int().min(1), key: z.string().min(43), createdAt: z.string() })).min(1),
}).refine((r) => r.keys.some((k) => k.id === r.current), { message: 'the current key is not in the ring' });
export type IdHashKeyRing = z.infer<typeof IdHashKeyRingSchema>;

export class IdHashKeys {
  private readonly keys: { id: number; key: Buffer }[];

  constructor(readonly ring: IdHashKeyRing) {
    // Current first: lookups try the likeliest key first, and new rows use it.
    this.keys = [...ring.keys].sort((a, b) => (a.id === ring.current ? -1 : b.id === ring.current ? 1 : b.id - a.id)).map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') }));
  }

  static fresh(at: Date, key: Buffer = randomBytes(32)): IdHashKeys {
    return new IdHashKeys({ v: 1, current: 1, keys: [{ id: 1, key: key.toString('base64'), createdAt: at.toISOString() }] });
  }

  get currentId(): number {
    return this.ring.current;
  }

  /** What is stored for this (normalised) ID number from now on. */
  hash(normalised: string): string {
    const k = this.keys[0];
    if (!k) throw new Error('empty ID-hash key ring');
    return IdHashKeys.stored(k.id, k.key, normalised);
  }

  /** Every stored form this number may have (one per key still in the ring), current first. */
  candidates(normalised: string): string[] {
    return this.keys.map((k) => IdHashKeys.stored(k.id, k.key, normalised));
  }

  /** A ring with a new current key; the old ones stay for matching. */
  rotated(at: Date): IdHashKeys {
    const id = Math.max(...this.ring.keys.map((k) => k.id)) + 1;
    return new IdHashKeys({ v: 1, current: id, keys: [...this.ring.keys, { id, key: randomBytes(32).toString('base64'), createdAt: at.toISOString() }] });
  }

  /** A ring without key `id` (never the current one). */
  without(id: number): IdHashKeys {
    if (id === this.ring.current) throw new Error(`key ${id} is the current ID-hash key: rotate first`);
    if (!this.ring.keys.some((k) => k.id === id)) throw new Error(`no ID-hash key ${id}`);
    return new IdHashKeys({ ...this.ring, keys: this.ring.keys.filter((k) => k.id !== id) });
  }

  /** SQL condition matching stored hashes made with key `id` (for counting what still needs it). */
  static likeFor(id: number): { sql: string; param: string } {
    // base64url has no ':'; only prefixed forms (kN:, the case feed's feed:) do.
    return id === 1 ? { sql: "id_hash NOT GLOB '*:*' AND ? = ''", param: '' } : { sql: 'id_hash GLOB ?', param: `k${id}:*` };
  }

  private static stored(id: number, key: Buffer, normalised: string): string {
    const mac = createHmac('sha256', key).update(normalised).digest('base64url');
    return id === 1 ? mac : `k${id}:${mac}`;
  }
}
