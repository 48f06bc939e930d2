// The center writes Mosquitto's password file itself (no password on a command line). Proven against
// the real broker and the real `mosquitto_passwd`: our entries let the right device in and keep the
// wrong password out, mosquitto_passwd's entries survive our rewrites and verify with our code.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mosquitto } from '@hallkit/testkit';
import { MosquittoPasswords } from '../src/server/broker/MosquittoPasswords.ts';
import { mosquittoPasswordHash, passwordFileUsers, verifyMosquittoPassword, withPasswordEntry } from '../src/server/broker/MosquittoPasswordFile.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
/** The broker re-reads the file on SIGHUP at its next loop turn: allow it a moment. */
const POLL = { timeout: 3000, interval: 50 };
let dir: string;
let file: string;
let broker: Mosquitto;

/** Whether the broker lets `user` in with `password` (CONNACK 0) or refuses it. */
function connects(user: string, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = mqtt.connect(broker.url, { username: user, password, reconnectPeriod: 0, connectTimeout: 3000 });
    c.once('connect', () => c.end(true, () => resolve(true)));
    c.once('error', () => c.end(true, () => resolve(false)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hallkit-passwd-'));
  chmodSync(dir, 0o755); // the broker, started as root, drops to its own user before it reads the file
  file = join(dir, 'passwd');
  writeFileSync(file, '');
  chmodSync(file, 0o644);
  execFileSync('mosquitto_passwd', ['-b', file, 'center', 'center-secret']);
  broker = await Mosquitto.start({ config: (port) => `listener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${file}\n` });
  writeFileSync(join(dir, 'mosquitto.pid'), String(broker.pid));
});

afterAll(async () => {
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Mosquitto password file', () => {
  it('hashes the way Mosquitto checks, and reads what mosquitto_passwd wrote', () => {
    const center = readFileSync(file, 'utf8').trim().split(':')[1] ?? '';
    expect(verifyMosquittoPassword('center-secret', center)).toBe(true);
    expect(verifyMosquittoPassword('wrong', center)).toBe(false);
    const ours = mosquittoPasswordHash('demo-kiosk-1');
    expect(ours).toMatch(/^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/);
    expect(mosquittoPasswordHash('demo-kiosk-1')).not.toBe(ours); // a fresh salt every time
  });

  it('sets, replaces in place and removes one entry, keeping every other line', () => {
    const text = 'center:$7$101$a$b\nkiosk-1:$7$101$c$d\nboard-1:$7$101$e$f\n';
    expect(withPasswordEntry(text, 'kiosk-1', 'NEW')).toBe('center:$7$101$a$b\nkiosk-1:NEW\nboard-1:$7$101$e$f\n');
    expect(withPasswordEntry(text, 'pad-w5', 'P')).toBe(`${text}pad-w5:P\n`);
    expect(withPasswordEntry(text, 'kiosk-1', null)).toBe('center:$7$101$a$b\nboard-1:$7$101$e$f\n');
    expect(withPasswordEntry('', 'x', null)).toBe('');
    expect(passwordFileUsers(text)).toEqual(['center', 'kiosk-1', 'board-1']);
    expect(() => withPasswordEntry(text, 'evil:user', 'x')).toThrow(/not a user name/);
    expect(() => withPasswordEntry(text, 'a\nb', 'x')).toThrow(/not a user name/);
  });

  it('grants and revokes against the real broker; the file keeps its mode; mosquitto_passwd still edits it', async () => {
    const creds = new MosquittoPasswords({ file, pidFile: join(dir, 'mosquitto.pid'), logger: quiet });
    await creds.grant('kiosk-1', 'demo-kiosk-1');
    await creds.grant('board-1', 'demo-board-1');
    await expect.poll(() => connects('kiosk-1', 'demo-kiosk-1'), POLL).toBe(true);
    await expect.poll(() => connects('kiosk-1', 'demo-board-1'), POLL).toBe(false);
    await expect.poll(() => connects('center', 'center-secret'), POLL).toBe(true); // mosquitto_passwd's own line, kept
    await creds.grant('kiosk-1', 'rotated'); // a re-enrolment replaces the entry
    await expect.poll(() => connects('kiosk-1', 'demo-kiosk-1'), POLL).toBe(false);
    await expect.poll(() => connects('kiosk-1', 'rotated'), POLL).toBe(true);
    await creds.revoke('kiosk-1');
    await expect.poll(() => connects('kiosk-1', 'rotated'), POLL).toBe(false);
    expect(creds.users()).toEqual(['center', 'board-1']);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    execFileSync('mosquitto_passwd', ['-b', file, 'tech', 'tech-secret']); // a technician by hand
    await creds.grant('pad-w5', 'demo-pad-w5');
    expect(creds.users()).toEqual(['center', 'board-1', 'tech', 'pad-w5']);
    await expect.poll(() => connects('tech', 'tech-secret'), POLL).toBe(true);
    await expect.poll(() => connects('board-1', 'demo-board-1'), POLL).toBe(true);
  });

  it('as a center that may not write the folder (/etc/mosquitto), it writes the file in place', async () => {
    // The center's own user: `nobody` owns the file, root owns the folder. The tests run as root
    // (apt-get in .ci/run needs it), which may act as another user for a moment (seteuid).
    const etc = join(dir, 'etc');
    mkdirSync(etc, { mode: 0o755 });
    const own = join(etc, 'hallkit.passwd');
    writeFileSync(own, 'center:$7$101$a$b\n', { mode: 0o640 });
    chownSync(own, 65534, 65534);
    const inode = statSync(own).ino;
    const creds = new MosquittoPasswords({ file: own, logger: quiet });
    process.setegid!(65534);
    process.seteuid!(65534);
    try {
      await creds.grant('kiosk-1', 'demo-kiosk-1');
    } finally {
      process.seteuid!(0);
      process.setegid!(0);
    }
    const after = statSync(own);
    expect(after.ino).toBe(inode); // the same file, written in place
    expect([after.uid, after.mode & 0o777]).toEqual([65534, 0o640]);
    const [center, kiosk] = readFileSync(own, 'utf8').trim().split('\n');
    expect(center).toBe('center:$7$101$a$b');
    expect(verifyMosquittoPassword('demo-kiosk-1', kiosk?.split(':')[1] ?? '')).toBe(true);
  });
});
