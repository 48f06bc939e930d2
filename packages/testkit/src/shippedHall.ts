// The hall files the product ships (halls/*.json), for tests: the same documents the center starts from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HallConfigSchema, openAllDay, type HallConfig } from '@hallkit/core';

export type ShippedHallName = 'yantai' | 'qingdao' | 'zhaoyuan';

export function shippedHallPath(name: ShippedHallName): string {
  return fileURLToPath(new URL(`../../../halls/${name}.json`, import.meta.url));
}

/**
 * A shipped hall's definition. `allDay`: its all-day version (the demo's), for tests that must not
 * depend on the clock — the hall's real hours are tested on their own.
 */
export function shippedHall(name: ShippedHallName, opts: { allDay?: boolean } = {}): HallConfig {
  const def = HallConfigSchema.parse(JSON.parse(readFileSync(shippedHallPath(name), 'utf8')));
  return opts.allDay ? openAllDay(def, def.version) : def;
}
