// Per-device MQTT credentials on an external Mosquitto (HALLKIT_EMBEDDED_BROKER=0): the center keeps
// the broker's password file in step with provisioning — an entry on enrolment, none after
// revocation — and makes the broker re-read it (SIGHUP through its pid file, or a configured command
// such as `systemctl reload mosquitto`). The center writes the file itself (MosquittoPasswordFile.ts):
// no password ever appears on a command line.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '@hallkit/sync';
import { isReservedDeviceId, ReservedDeviceIdError } from '../provisioning/reservedDeviceIds.ts';
import { mosquittoPasswordHash, passwordFileUsers, withPasswordEntry } from './MosquittoPasswordFile.ts';

const run = promisify(execFile);

export interface MosquittoPasswordsOptions {
  /** The broker's `password_file`; the center needs write access to it. */
  file: string;
  /** Mosquitto's pid file: the center sends SIGHUP to that pid. */
  pidFile?: string;
  /** Instead of the pid file: a command that reloads the broker (run with `sh -c`). */
  reloadCommand?: string;
  logger: Logger;
}

/** What enrolment and revocation call, whatever the broker. */
export interface BrokerCredentials {
  grant(deviceId: string, password: string): Promise<void>;
  revoke(deviceId: string): Promise<void>;
}

export class MosquittoPasswords implements BrokerCredentials {
  /** One change at a time: each one rewrites the whole file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: MosquittoPasswordsOptions) {}

  grant(deviceId: string, password: string): Promise<void> {
    if (isReservedDeviceId(deviceId)) return Promise.reject(new ReservedDeviceIdError(deviceId));
    return this.serial(async () => {
      await this.rewrite(deviceId, mosquittoPasswordHash(password));
      await this.reload();
      this.o.logger.info('broker credential granted', { deviceId });
    });
  }

  revoke(deviceId: string): Promise<void> {
    if (isReservedDeviceId(deviceId)) return Promise.reject(new ReservedDeviceIdError(deviceId));
    return this.serial(async () => {
      await this.rewrite(deviceId, null);
      // Reloaded even when the file had no entry: Mosquitto 2 then drops a connection it no longer allows.
      await this.reload();
      this.o.logger.info('broker credential removed', { deviceId });
    });
  }

  /** The users the broker's file lists now (diagnostics, tests). */
  users(): string[] {
    return existsSync(this.o.file) ? passwordFileUsers(readFileSync(this.o.file, 'utf8')) : [];
  }

  /**
   * Writes the whole file anew beside the old one and renames it over it, so the broker never reads
   * half a file, keeping the old file's owner, group and mode (the broker's user must still read it).
   * Where the center may not do that — no write access to the folder (/etc/mosquitto), or no right
   * to give the new file the old group — it writes the finished text over the old file instead.
   */
  private async rewrite(user: string, hash: string | null): Promise<void> {
    const file = this.o.file;
    const before = existsSync(file) ? await readFile(file, 'utf8') : null;
    const after = withPasswordEntry(before ?? '', user, hash);
    if (after === before || (before === null && hash === null)) return;
    const old = before === null ? null : await stat(file);
    if (!(await this.replaceWith(after, old))) await writeFile(file, after, { encoding: 'utf8', flush: true, mode: 0o640 });
  }

  /** The atomic way; false where the center is not allowed to take it. */
  private async replaceWith(text: string, old: { uid: number; gid: number; mode: number } | null): Promise<boolean> {
    const file = this.o.file;
    const tmp = `${file}.${process.pid}.tmp`;
    let fh: FileHandle;
    try {
      fh = await open(tmp, 'w', 0o600);
    } catch (e) {
      if (isPermissionError(e)) return false;
      throw e;
    }
    try {
      await fh.writeFile(text, 'utf8');
      if (old) await fh.chown(old.uid, old.gid);
      await fh.chmod(old ? old.mode & 0o777 : 0o640);
      await fh.sync();
    } catch (e) {
      await fh.close();
      await rm(tmp, { force: true });
      if (isPermissionError(e)) return false;
      throw e;
    }
    await fh.close();
    await rename(tmp, file);
    const dir = await open(dirname(file), 'r');
    await dir.sync().finally(() => dir.close());
    return true;
  }

  private async reload(): Promise<void> {
    if (this.o.reloadCommand) {
      await run('sh', ['-c', this.o.reloadCommand]);
      return;
    }
    if (this.o.pidFile) {
      const pid = Number(readFileSync(this.o.pidFile, 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no pid in ${this.o.pidFile}`);
      process.kill(pid, 'SIGHUP');
      return;
    }
    this.o.logger.warn('no pid file or reload command: the broker reads the password file at its next restart');
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const isPermissionError = (e: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '');
