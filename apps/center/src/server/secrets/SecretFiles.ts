// The center's secrets directory: one file per secret, readable only by the center's user (dir 0700,
// files 0600). A file anyone else can read is refused, not silently used — the copy may already be out.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class SecretFileError extends Error {
  override name = 'SecretFileError';
}

/** Group/other bits that must be clear on the directory and every file in it. */
const OPEN_TO_OTHERS = 0o077;

export class SecretFiles {
  constructor(readonly dir: string) {}

  /** Creates the directory (0700) when missing; refuses one others can enter or read. */
  ensureDir(): void {
    if (!existsSync(this.dir)) mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const mode = statSync(this.dir).mode & 0o777;
    if ((mode & OPEN_TO_OTHERS) !== 0) throw new SecretFileError(`secrets directory ${this.dir} is open to others (mode ${mode.toString(8)}): chmod 700 it`);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  has(name: string): boolean {
    return existsSync(this.path(name));
  }

  /** The file's text; refused when others may read it. */
  read(name: string): string {
    return readSecretFile(this.path(name));
  }

  /** Written whole or not at all (temp file + fsync + rename), mode 0600 from the first byte. */
  write(name: string, text: string): void {
    const file = this.path(name);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }
}

/** Reads a secret file anywhere (also a provider's secrets named by an environment variable). */
export function readSecretFile(file: string, what = 'secret file'): string {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch (e) {
    throw new SecretFileError(`${what} ${file} cannot be read: ${(e as Error).message}`);
  }
  if ((mode & OPEN_TO_OTHERS) !== 0) throw new SecretFileError(`${what} ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  return readFileSync(file, 'utf8');
}
