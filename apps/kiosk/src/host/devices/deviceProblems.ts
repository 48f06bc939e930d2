import type { DeviceHealth } from './KioskDevices.ts';

/**
 * What the hall admin's device list should say about this kiosk's peripherals (the heartbeat's
 * `errors`): only what needs someone to walk over. An absent device is the kiosk's configuration,
 * not a fault.
 */
export function deviceProblems(h: DeviceHealth, faults: { reader?: string | null } = {}): string[] {
  const problems: string[] = [];
  if (h.printer === 'offline') problems.push('打印机离线');
  if (h.printer === 'cover-open') problems.push('打印机仓盖打开');
  if (h.printer === 'paper-empty') problems.push('打印机缺纸');
  // Online but not reading (no answer to reads, bad checksums) is its own fault: someone must look at it.
  if (h.reader === 'offline') problems.push(faults.reader ? `身份证读卡器读不出卡（${faults.reader}）` : '身份证读卡器离线');
  if (h.scanner === 'offline') problems.push('扫码器离线');
  return problems;
}
