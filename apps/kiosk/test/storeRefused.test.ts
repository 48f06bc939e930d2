// Issue 15 item 9: a kiosk whose store will not open (here a zero-length file, which the store
// refuses) used to leave its simulators' socat processes running. The demo host runs in its own
// process group; after it exits, nothing of that group may be left.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../src/host/demo.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-refused-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('kiosk whose store fails to open', () => {
  it('exits non-zero with the reason and leaves no simulator process behind', async () => {
    mkdirSync(join(dir, 'kiosk'), { recursive: true });
    writeFileSync(join(dir, 'kiosk', 'kiosk-1.db'), '');
    const child = spawn(process.execPath, ['--import', 'tsx', DEMO], {
      env: { ...process.env, HALLKIT_DATA_DIR: dir, HALLKIT_MQTT_URL: 'mqtt://127.0.0.1:1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const pgid = child.pid as number;
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        process.kill(-pgid, 'SIGKILL');
        resolve(-1);
      }, 60_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, output.slice(-1500)).toBe(1);
    expect(output).toContain('kiosk: cannot start');
    // socat children share the demo's process group: give them a moment to be reaped, then none left.
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const alive = groupAlive(pgid);
    if (alive) process.kill(-pgid, 'SIGKILL');
    expect(alive).toBe(false);
  }, 90_000);
});
