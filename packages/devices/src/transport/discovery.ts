import { SerialPort } from 'serialport';
import { DeviceError } from '../errors/DeviceError.ts';

export interface SerialPortEntry {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

export interface HidDeviceEntry {
  path?: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  usagePage?: number;
  usage?: number;
}

/**
 * Serial ports the OS knows. `SerialPort.list()` shells out to udevadm on Linux and fails where it
 * is missing (containers, minimal images); then the list is empty with a reason, and explicit
 * paths still work.
 */
export async function listSerialPorts(): Promise<{ ports: SerialPortEntry[]; error?: string }> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        ...(p.vendorId ? { vendorId: p.vendorId.toLowerCase() } : {}),
        ...(p.productId ? { productId: p.productId.toLowerCase() } : {}),
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
        ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      })),
    };
  } catch (e) {
    return { ports: [], error: `serial port listing unavailable (${(e as Error).message}); give ports by path` };
  }
}

export async function listHidDevices(): Promise<{ devices: HidDeviceEntry[]; error?: string }> {
  try {
    const mod = await import('node-hid');
    const devicesAsync = mod.devicesAsync ?? mod.default.devicesAsync;
    const devices = await devicesAsync();
    return {
      devices: devices.map((d) => ({
        vendorId: d.vendorId,
        productId: d.productId,
        ...(d.path ? { path: d.path } : {}),
        ...(d.product ? { product: d.product } : {}),
        ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
        ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
        ...(d.usage !== undefined ? { usage: d.usage } : {}),
      })),
    };
  } catch (e) {
    return { devices: [], error: `HID listing unavailable (${(e as Error).message})` };
  }
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The path of the serial port with this USB vendor/product id, or a `not-found` error. */
export async function findSerialPort(vendorId: number, productId: number): Promise<string> {
  const { ports, error } = await listSerialPorts();
  const hit = ports.find((p) => p.vendorId === hex4(vendorId) && p.productId === hex4(productId));
  if (!hit) {
    throw new DeviceError('not-found', `no serial port with USB id ${hex4(vendorId)}:${hex4(productId)}${error ? ` (${error})` : ''}`);
  }
  return hit.path;
}
