import type { HallHardware } from './HallHardware.ts';

export interface DemoHardwareOptions {
  /** Device that drives the strips and owns the keypad bus (the demo's call board host). */
  deviceId: string;
  /** TCP ports of the simulated controllers of windows 5, 6, 7. */
  stripPorts: number[];
  /** Host side of the simulated keypad bus (a PTY). */
  keypadBusPath: string;
}

/** The demo hall's hardware: BX strips over windows 5–7 (window 6's speaks) and a keypad at window 6. */
export function demoHallHardware(o: DemoHardwareOptions): HallHardware {
  const strip = (windowId: string, i: number, model: string) => ({
    windowId,
    driverDeviceId: o.deviceId,
    controller: { type: 'tcp' as const, host: '127.0.0.1', port: o.stripPorts[i] ?? 15005 + i },
    model,
    screenAddress: 1,
    width: 160,
    height: 32,
    colours: { number: 'red' as const, text: 'green' as const, staff: 'yellow' as const, notice: 'yellow' as const },
    speak: true,
  });
  return {
    ledStrips: [strip('w5', 0, 'bx-6k1'), strip('w6', 1, 'bx-6k1-yy'), strip('w7', 2, 'bx-5mk2')],
    keypadBuses: [{ bridgeDeviceId: o.deviceId, serial: { path: o.keypadBusPath, baudRate: 9600 }, keypads: [{ address: 6, windowId: 'w6' }] }],
  };
}
