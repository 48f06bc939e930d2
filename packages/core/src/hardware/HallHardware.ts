import { z } from 'zod';

/**
 * The hall's own hardware in its definition (optional; a hall without it has none): LED window
 * strips on Onbon BX controllers and wired caller keypads on RS-485 buses, each driven by one
 * enrolled device (a zone's small box, or the call board's host) named by its device id.
 */

const ControllerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535).default(5005) }),
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(57600) }),
]);

const LED_COLOURS = ['red', 'green', 'yellow', 'blue', 'cyan', 'magenta', 'white'] as const;

export const LedStripConfigSchema = z.object({
  windowId: z.string(),
  /** The device that drives this strip. */
  driverDeviceId: z.string(),
  controller: ControllerSchema,
  /** Onbon model key (bx-5k1 … bx-6k3-yy); a -YY model says the call itself. */
  model: z.string().default('bx-6k1'),
  screenAddress: z.number().int().min(1).max(0xfffe).default(1),
  /** The strip in LEDs. */
  width: z.number().int().min(32).max(1024).default(160),
  height: z.number().int().min(16).max(128).default(32),
  colours: z
    .object({
      number: z.enum(LED_COLOURS).default('red'),
      text: z.enum(LED_COLOURS).default('green'),
      staff: z.enum(LED_COLOURS).default('yellow'),
      notice: z.enum(LED_COLOURS).default('yellow'),
    })
    .default({ number: 'red', text: 'green', staff: 'yellow', notice: 'yellow' }),
  /** Say the call on a voice model (ignored by a model without voice). */
  speak: z.boolean().default(true),
  /** Fixed brightness 0–15; unset leaves the card's own schedule. */
  brightness: z.number().int().min(0).max(15).optional(),
});
export type LedStripConfig = z.infer<typeof LedStripConfigSchema>;

export const KeypadBusConfigSchema = z.object({
  /** The device on whose serial port the bus hangs (its "caller bridge"). */
  bridgeDeviceId: z.string(),
  serial: z.object({ path: z.string().min(1), baudRate: z.number().int().positive().default(9600) }),
  keypads: z.array(z.object({ address: z.number().int().min(1).max(254), windowId: z.string() })).min(1),
});
export type KeypadBusConfig = z.infer<typeof KeypadBusConfigSchema>;

export const HallHardwareSchema = z
  .object({
    ledStrips: z.array(LedStripConfigSchema).default([]),
    keypadBuses: z.array(KeypadBusConfigSchema).default([]),
  })
  .superRefine((h, ctx) => {
    const strips = new Set<string>();
    h.ledStrips.forEach((s, i) => {
      if (strips.has(s.windowId)) ctx.addIssue({ code: 'custom', path: ['ledStrips', i, 'windowId'], message: `window ${s.windowId} has two strips` });
      strips.add(s.windowId);
    });
    const windows = new Set<string>();
    h.keypadBuses.forEach((b, i) => {
      const addresses = new Set<number>();
      b.keypads.forEach((k, j) => {
        if (addresses.has(k.address)) ctx.addIssue({ code: 'custom', path: ['keypadBuses', i, 'keypads', j, 'address'], message: `address ${k.address} twice on one bus` });
        if (windows.has(k.windowId)) ctx.addIssue({ code: 'custom', path: ['keypadBuses', i, 'keypads', j, 'windowId'], message: `window ${k.windowId} has two keypads` });
        addresses.add(k.address);
        windows.add(k.windowId);
      });
    });
  });
export type HallHardware = z.infer<typeof HallHardwareSchema>;

export const NO_HARDWARE: HallHardware = { ledStrips: [], keypadBuses: [] };

/** Windows the hardware names that the hall does not have (a definition check). */
export function unknownHardwareWindows(h: HallHardware, windowIds: ReadonlySet<string>): string[] {
  return [...new Set([...h.ledStrips.map((s) => s.windowId), ...h.keypadBuses.flatMap((b) => b.keypads.map((k) => k.windowId))])].filter((w) => !windowIds.has(w));
}
