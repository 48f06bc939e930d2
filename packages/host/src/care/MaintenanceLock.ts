// "设备维护中": a device an admin locked for maintenance refuses citizen actions until unlocked.
// The state is a small file in the data directory so a restart (nightly, crash) keeps it locked.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventEmitter } from 'node:events';
import { z } from 'zod';

export const LockStateSchema = z.object({
  v: z.literal(1),
  locked: z.boolean(),
  reason: z.string().max(200).nullable(),
  since: z.number().nullable(),
});
export type LockState = z.infer<typeof LockStateSchema>;

const UNLOCKED: LockState = { v: 1, locked: false, reason: null, since: null };

export class MaintenanceLock extends EventEmitter<{ change: [LockState] }> {
  private current: LockState;

  constructor(private readonly file: string) {
    super();
    this.current = MaintenanceLock.read(file);
  }

  private static read(file: string): LockState {
    if (!existsSync(file)) return UNLOCKED;
    try {
      return LockStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // A damaged file must not leave a public device unlocked by surprise: stay locked.
      return { v: 1, locked: true, reason: 'lock file unreadable', since: Date.now() };
    }
  }

  get state(): LockState {
    return this.current;
  }

  get locked(): boolean {
    return this.current.locked;
  }

  lock(reason: string | undefined, now = Date.now()): LockState {
    return this.write({ v: 1, locked: true, reason: reason ?? null, since: this.current.locked ? this.current.since : now });
  }

  unlock(): LockState {
    return this.write(UNLOCKED);
  }

  private write(s: LockState): LockState {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(s));
    renameSync(tmp, this.file);
    this.current = s;
    this.emit('change', s);
    return s;
  }
}

/** Thrown by a host method a citizen triggers while the device is locked; the renderer shows 设备维护中. */
export class DeviceLockedError extends Error {
  readonly code = 'device-locked';
  constructor() {
    super('device is locked for maintenance');
  }
}
