import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A world-readable folder for broker files: Mosquitto started as root drops to its own user before
 * it reads the password file, ACL and certificates.
 */
export function brokerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-broker-'));
  chmodSync(dir, 0o755);
  return dir;
}

export function passwordFile(dir: string, users: Record<string, string>): string {
  const file = join(dir, 'passwd');
  writeFileSync(file, '');
  for (const [user, password] of Object.entries(users))
    execFileSync('mosquitto_passwd', ['-b', file, user, password]);
  chmodSync(file, 0o644);
  return file;
}
