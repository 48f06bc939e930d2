import type { HallDefinition } from '../HallConfig.ts';

/**
 * The demo's own version of a hall: every category open all day, every day, holidays included, so a
 * visitor can take a ticket at 3 a.m. It is a version like any other (the demo saves it through the
 * same path an admin uses, and it shows in the version history), not a switch that ignores hours.
 */
export function openAllDay(def: HallDefinition, version = def.version + 1): HallDefinition {
  return {
    ...def,
    version,
    catalog: {
      ...def.catalog,
      categories: def.catalog.categories.map((c) => ({
        ...c,
        openingHours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], periods: [{ from: 0, to: 1440 }] }],
        openOnHolidays: true,
      })),
    },
  };
}

/** Whether every category of `def` is already open around the clock (the demo's version is in force). */
export function isOpenAllDay(def: HallDefinition): boolean {
  return def.catalog.categories.every(
    (c) =>
      c.openOnHolidays === true &&
      c.openingHours.some(
        (r) => r.weekdays.length === 7 && r.periods.some((p) => p.from === 0 && p.to === 1440),
      ),
  );
}
