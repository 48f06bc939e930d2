import { PtyPair } from '@hallkit/testkit';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../src/simulators/idcard/IdCardSimulator.ts';
import { PrinterSimulator } from '../src/simulators/printer/PrinterSimulator.ts';
import { ScannerSimulator } from '../src/simulators/scanner/ScannerSimulator.ts';
import { FOREIGN_CARD, HMT_CARD, RESIDENT_CARD, waitFor } from './fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a technician would: a separate node process, real ports. */
function cli(
  args: string[],
  opts: { onStdout?: (all: string) => void; onStderr?: (all: string) => void } = {},
): { done: Promise<Run>; kill: () => void } {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    opts.onStdout?.(stdout);
  });
  proc.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    opts.onStderr?.(stderr);
  });
  const done = new Promise<Run>((resolve) => proc.on('close', (code) => resolve({ code, stdout, stderr })));
  return { done, kill: () => proc.kill('SIGINT') };
}

describe('hallkit-devices CLI against the simulators', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('prints a test ticket and reads printer status over TCP, with --json', async () => {
    const sim = await PrinterSimulator.start({ tcp: { port: 0 } });
    cleanup.push(() => sim.stop());
    const target = ['--tcp', `127.0.0.1:${sim.tcpPort}`, '--json'];
    const printed = await cli(['print-test', ...target]).done;
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ ok: true, job: { state: 'printed', kind: 'queue-ticket' } });
    expect(sim.receiptText()).toContain('T001');
    expect(sim.receiptText()).toContain('打印机测试票 社保就业');

    sim.setCover('open');
    const st = await cli(['status', '--kind', 'printer', ...target]).done;
    expect(st.code).toBe(1);
    expect(JSON.parse(st.stdout)).toMatchObject({ power: 'online', cover: 'open', paper: 'ok' });
  });

  it('reads an ID card masked by default and whole only with --unmasked', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await IdCardSimulator.start({ serialPath: pty.devicePath, card: RESIDENT_CARD });
    cleanup.push(() => sim.stop());
    const masked = await cli(['read-card', '--serial', pty.hostPath, '--json', '--timeout', '5000']).done;
    expect(masked.code).toBe(0);
    expect(masked.stdout).not.toContain(RESIDENT_CARD.idNumber);
    expect(JSON.parse(masked.stdout)).toMatchObject({ ok: true, card: { name: '张晓明', idNumber: '3706**********1231', photo: { format: 'wlt', bytes: 1024 } } });
    const human = await cli(['read-card', '--serial', pty.hostPath, '--unmasked']).done;
    expect(human.stdout).toContain('号码 370602198607151231');
    expect(human.stdout).toContain('住址 山东省烟台市芝罘区南大街123号');
  });

  it('prints every field of each card layout in its own terms, and the hall\'s verdict on it', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await IdCardSimulator.start({ serialPath: pty.devicePath, card: HMT_CARD });
    cleanup.push(() => sim.stop());
    // HK permit: pass number (masked) and issue count; expired in 2024, so refused, saying why.
    const hmt = await cli(['read-card', '--serial', pty.hostPath, '--timeout', '5000']).done;
    expect(hmt.stdout).toContain('通行证号码 H123*5678');
    expect(hmt.stdout).toContain('签发次数 01');
    expect(hmt.stdout).toContain('核验 不通过：证件已过有效期');
    expect(hmt.stdout).not.toContain('民族');
    // Foreign permanent resident card, 2017 layout: English name, 国籍 (not 民族), card version.
    sim.placeCard(FOREIGN_CARD);
    const foreign = await cli(['read-card', '--serial', pty.hostPath, '--timeout', '5000']).done;
    expect(foreign.stdout).toContain('英文姓名 MUELLER, ANNA');
    expect(foreign.stdout).toContain('国籍 DEU');
    expect(foreign.stdout).not.toContain('民族');
    expect(foreign.stdout).toContain('证件版本 01');
    expect(foreign.stdout).toContain('核验 通过：外国人永久居留身份证（2017版，15位）');
    // 2023 layout in --json: the card version and the verdict are there.
    sim.placeCard({ ...FOREIGN_CARD, idNumber: '937156198004090014' });
    const json = await cli(['read-card', '--serial', pty.hostPath, '--json', '--timeout', '5000']).done;
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, card: { kind: 'foreign-permanent', cardVersion: '02', englishName: 'MUELLER, ANNA', nation: 'DEU', check: { ok: true, layout: 'foreign-2023' } } });
  });

  it('listens for scans and reports a missing device with a clear error and exit code', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await ScannerSimulator.start({ serialPath: pty.devicePath });
    cleanup.push(() => sim.stop());
    let listening = false;
    const run = cli(['listen', '--serial', pty.hostPath, '--count', '2', '--json', '--timeout', '15000'], {
      onStderr: (all) => (listening = all.includes('listening for scans')),
    });
    await waitFor(() => listening, 10000, 'CLI listening');
    await sim.scan('A012');
    await sim.scan('https://ytzwfw.example.cn/appt/Y0815');
    const res = await run.done;
    expect(res.code).toBe(0);
    expect(res.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code)).toEqual(['A012', 'https://ytzwfw.example.cn/appt/Y0815']);

    const missing = await cli(['probe', '--kind', 'idcard', '--serial', '/dev/hallkit-no-such-port', '--json']).done;
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, code: 'offline' });
  });

  it('runs the printer simulator as a separate process and prints to it', async () => {
    const lines: string[] = [];
    const sim = cli(['simulate', 'printer', '--port', '0', '--json'], { onStdout: (all) => lines.splice(0, lines.length, ...all.trim().split('\n')) });
    cleanup.push(() => sim.kill());
    await waitFor(() => lines.length > 0 && lines[0] !== '', 10000, 'simulator banner');
    const { tcpPort } = JSON.parse(lines[0] as string) as { tcpPort: number };
    const printed = await cli(['print-test', '--tcp', `127.0.0.1:${tcpPort}`, '--json']).done;
    expect(printed.code).toBe(0);
    await waitFor(() => lines.length > 1, 5000, 'receipt event');
    const receipt = JSON.parse(lines[1] as string) as { event: string; cut: boolean; text: string };
    expect(receipt).toMatchObject({ event: 'receipt', cut: true });
    expect(receipt.text).toContain('烟台市政务服务中心');
    expect(receipt.text).toContain('[QR] https://hallkit.example.cn/test-ticket');
    sim.kill();
    expect((await sim.done).code).toBe(0);
  });
});
