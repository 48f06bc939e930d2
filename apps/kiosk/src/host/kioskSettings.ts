// What a kiosk knows before and besides the hall definition: its own settings from the center
// (`device` config kind `kiosk`) and the empty catalogue of a first start.
import { z } from 'zod';
import type { Catalog } from '@hallkit/core';

/** Per-kiosk settings from the center (`device` config kind `kiosk`); defaults until one arrives. */
export const KioskSettingsSchema = z.object({
  v: z.literal(1),
  technicianPin: z.string().regex(/^\d{4,12}$/),
  elderAge: z.number().int().min(50).max(100).default(65),
  idleSeconds: z.number().int().min(15).max(600).default(60),
});
export type KioskSettings = z.infer<typeof KioskSettingsSchema>;

/**
 * Before the center has ever sent the hall definition the kiosk knows no categories: it shows none
 * rather than guessing another hall's (the definition arrives retained on the first connection).
 */
export function firstStartCatalog(hallId: string): Catalog {
  return { v: 1, hall: { id: hallId, name: '', timeZone: 'Asia/Shanghai' }, zones: [], categories: [], items: [] };
}
