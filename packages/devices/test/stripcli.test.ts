import { PtyPair } from '@hallkit/testkit';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LedStripSimulator } from '../src/simulators/ledstrip/LedStripSimulator.ts';
import { KeypadSimulator } from '../src/simulators/keypad/KeypadSimulator.ts';
import { waitFor } from './fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

function cli(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; out: () => string; stderr: () => string; kill: () => void } {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('close', (code) => resolve({ code, stdout, stderr })));
  return { done, out: () => stdout, stderr: () => stderr, kill: () => proc.kill('SIGINT') };
}

describe('hallkit-devices CLI: LED strips and keypads', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('probes an LED controller, shows text on it, and reports a dead one', { timeout: 120_000 }, async () => {
    const sim = await LedStripSimulator.start({ tcp: { port: 0 }, model: 'bx-6k1-yy' });
    cleanup.push(() => sim.stop());
    const target = ['--tcp', `127.0.0.1:${sim.tcpPort}`, '--model', 'bx-6k1-yy'];
    const probe = await cli(['probe', '--kind', 'ledstrip', ...target, '--json']).done;
    expect(probe.code).toBe(0);
    expect(JSON.parse(probe.stdout)).toMatchObject({ ok: true, summary: expect.stringContaining('BX-6K1-YY') });
    const shown = await cli(['strip-test', ...target, '--text', '暂停服务', '--colour', 'yellow']).done;
    expect(shown.code).toBe(0);
    expect(sim.text()).toBe('暂停服务');
    sim.inject('no-reply', 100);
    const dead = await cli(['probe', '--kind', 'ledstrip', ...target]).done;
    expect(dead.code).toBe(1);
    expect(dead.stderr + dead.stdout).toMatch(/did not answer/);
  });

  it('keypad-test shows 888888, beeps, and prints the key pressed', { timeout: 120_000 }, async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await KeypadSimulator.start({ serialPath: pty.devicePath, addresses: [6], echoTimeoutMs: 2000 });
    cleanup.push(() => sim.stop());
    const run = cli(['keypad-test', '--serial', pty.hostPath, '--address', '6', '--timeout', '90000']);
    cleanup.push(() => run.kill());
    await waitFor(() => sim.display(6) === '888888' && (sim.keypads.get(6)?.beeps ?? 0) >= 1, 60_000, '888888 and a beep');
    expect(await sim.press(6, { action: 'no-show' })).toMatchObject({ acked: true });
    await waitFor(() => run.out().includes('keypad 6: no-show'), 20_000, 'key printed');
    run.kill();
    expect((await run.done).code).toBe(0);
  });
});
