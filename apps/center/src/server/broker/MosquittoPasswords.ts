// Per-device MQTT credentials on an external Mosquitto (HALLKIT_EMBEDDED_BROKER=0): the center keeps
// the broker's password file in step with provisioning — `mosquitto_passwd -b` on enrolment,
// `-D` on revocation — and makes the broker re-read it (SIGHUP through its pid file, or a
// configured command such as `systemctl reload mosquitto`).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Logger } from '@hallkit/sync';

const run = promisify(execFile);

export interface MosquittoPasswordsOptions {
  /** The broker's `password_file`; the center needs write access to it. */
  file: string;
  /** Mosquitto's pid file: the center sends SIGHUP to that pid. */
  pidFile?: string;
  /** Instead of the pid file: a command that reloads the broker (run with `sh -c`). */
  reloadCommand?: string;
  binary?: string;
  logger: Logger;
}

/** What enrolment and revocation call, whatever the broker. */
export interface BrokerCredentials {
  grant(deviceId: string, password: string): Promise<void>;
  revoke(deviceId: string): Promise<void>;
}

export class MosquittoPasswords implements BrokerCredentials {
  /** One change at a time: mosquitto_passwd rewrites the whole file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: MosquittoPasswordsOptions) {}

  grant(deviceId: string, password: string): Promise<void> {
    // -c only creates a missing file (it would truncate an existing one). The password is on the
    // command line for a moment; the center runs as its own user on the broker's host.
    return this.serial(async () => {
      const args = existsSync(this.o.file) ? ['-b', this.o.file, deviceId, password] : ['-c', '-b', this.o.file, deviceId, password];
      await run(this.o.binary ?? 'mosquitto_passwd', args);
      await this.reload();
      this.o.logger.info('broker credential granted', { deviceId });
    });
  }

  revoke(deviceId: string): Promise<void> {
    return this.serial(async () => {
      if (existsSync(this.o.file)) {
        try {
          await run(this.o.binary ?? 'mosquitto_passwd', ['-D', this.o.file, deviceId]);
        } catch (e) {
          // Not in the file (never enrolled against this broker): nothing to remove.
          this.o.logger.warn('mosquitto_passwd -D failed', { deviceId, error: (e as Error).message });
        }
      }
      await this.reload();
      this.o.logger.info('broker credential removed', { deviceId });
    });
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
