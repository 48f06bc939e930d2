import type { DeviceConfig } from '../registry/DeviceConfig.ts';
import { readFileSync } from 'node:fs';

export interface TargetFlags {
  tcp?: string;
  serial?: string;
  hid?: string;
  baud?: string;
  model?: string;
  config?: string;
}

export class UsageError extends Error {}

/** Turns `--tcp host:port | --serial path|vid:pid | --hid path|vid:pid | --config file` into a device config. */
export function targetConfig(kind: DeviceConfig['kind'], f: TargetFlags): DeviceConfig {
  if (f.config) {
    const raw: unknown = JSON.parse(readFileSync(f.config, 'utf8'));
    return { ...(raw as object), kind } as DeviceConfig;
  }
  const model = f.model ? { model: f.model } : {};
  if (f.tcp) {
    const m = /^(.+):(\d+)$/.exec(f.tcp);
    return { kind, transport: { type: 'tcp', host: m ? (m[1] as string) : f.tcp, ...(m ? { port: Number(m[2]) } : {}) }, ...model };
  }
  const usb = (s: string): { vendorId: string; productId: string } | undefined => {
    const m = /^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/.exec(s);
    return m ? { vendorId: m[1] as string, productId: m[2] as string } : undefined;
  };
  if (f.serial) {
    const baudRate = f.baud ? { baudRate: Number(f.baud) } : {};
    const id = usb(f.serial);
    return { kind, transport: id ? { type: 'serial', ...id, ...baudRate } : { type: 'serial', path: f.serial, ...baudRate }, ...model };
  }
  if (f.hid) {
    const id = usb(f.hid);
    return { kind, transport: id ? { type: 'hid', ...id } : { type: 'hid', path: f.hid } };
  }
  throw new UsageError('give the device with --tcp HOST:PORT, --serial PATH|VID:PID, --hid PATH|VID:PID or --config FILE');
}
