// `hallkit-center secrets …`: the center's secrets directory (keys, passwords): what is there, rotate
// one, retire an old ID-hash key. Settings as for the center (--data=DIR, --secrets-dir=DIR).
// Run as the center's user (sudo -u hallkit …): the files are readable by no one else.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { centerSettings } from '../server/CenterSettings.ts';
import { CenterSecrets, SECRET_FILE } from '../server/secrets/CenterSecrets.ts';
import { SecretFiles } from '../server/secrets/SecretFiles.ts';
import { retireIdKey, rotate, ROTATABLE, rowsPerIdKey, writeCenterLine, type RotatableSecret } from '../server/secrets/SecretRotation.ts';
import type { CliContext } from './CliCommand.ts';

const USAGE = `hallkit-center secrets <init | status | rotate SECRET | retire-id-key N [--force]> [--data=DIR] [--secrets-dir=DIR]

  init                create what is missing (the center also does on start; moves an older release's keys
                      out of its database); --mosquitto-password-file=FILE writes the center's line there
  status              the secret files, their modes, the ID-hash keys and how many stored rows use each
  rotate SECRET       ${ROTATABLE.join(' | ')} — a new value; takes effect when the center restarts
                      (mqtt-password with --mosquitto-password-file=FILE also updates that file's center line)
  retire-id-key N     drop old ID-hash key N once no row needs it (--force: past days' rows stop matching)
  exit code: 0 ok, 1 refused, 2 usage error`;

function where(argv: string[]): { dir: string; dbFile: string } {
  const s = centerSettings(process.env, argv);
  return { dir: s.secretsDir ?? join(s.dataDir, 'secrets'), dbFile: join(s.dataDir, 'center.sqlite') };
}

export async function secretsCommand(argv: string[], io: CliContext['io'] = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  try {
    const { dir, dbFile } = where(argv);
    const db = existsSync(dbFile) ? new Database(dbFile, { readonly: true, fileMustExist: true }) : undefined;
    try {
      switch (words[0]) {
        case 'init': {
          db?.close();
          const rw = existsSync(dbFile) ? new Database(dbFile) : undefined;
          let secrets: CenterSecrets;
          try {
            secrets = CenterSecrets.open(dir, rw);
          } finally {
            rw?.close();
          }
          const mosquittoPasswordFile = opt('mosquitto-password-file');
          if (mosquittoPasswordFile) writeCenterLine(mosquittoPasswordFile, secrets.mqttPassword);
          io.out(`secrets ready in ${dir}${mosquittoPasswordFile ? `; the center's line is in ${mosquittoPasswordFile}` : ''}`);
          return 0;
        }
        case 'status': {
          const secrets = CenterSecrets.read(new SecretFiles(dir));
          io.out(`secrets directory ${dir} (mode ${(statSync(dir).mode & 0o777).toString(8)})`);
          for (const name of Object.values(SECRET_FILE)) io.out(`  ${name.padEnd(20)} mode ${(statSync(join(dir, name)).mode & 0o777).toString(8)}`);
          const rows = db ? rowsPerIdKey(db, secrets.idKeys) : {};
          for (const k of secrets.idKeys.ring.keys)
            io.out(`  ID-hash key ${k.id}${k.id === secrets.idKeys.currentId ? ' (current)' : ''} from ${k.createdAt}: ${db ? `${rows[k.id] ?? 0} stored rows` : 'no database to count'}`);
          return 0;
        }
        case 'rotate': {
          const secret = words[1] as RotatableSecret | undefined;
          if (!secret || !ROTATABLE.includes(secret)) break;
          const mosquittoPasswordFile = opt('mosquitto-password-file') ?? process.env.HALLKIT_MOSQUITTO_PASSWORD_FILE;
          const r = rotate(dir, secret, mosquittoPasswordFile ? { mosquittoPasswordFile } : {});
          io.out(`${secret} rotated. Next: ${r.next}`);
          return 0;
        }
        case 'retire-id-key': {
          const id = Number(words[1]);
          if (!Number.isInteger(id) || id < 1) break;
          const r = retireIdKey(dir, id, db, argv.includes('--force'));
          io.out(`ID-hash key ${r.dropped} retired${r.orphaned ? ` (${r.orphaned} rows of past days no longer match anyone)` : ''}. Restart the center.`);
          return 0;
        }
      }
    } finally {
      db?.close();
    }
  } catch (e) {
    io.err(`hallkit-center secrets ${words[0] ?? ''}: ${(e as Error).message}`);
    return 1;
  }
  io.err(USAGE);
  return 2;
}
