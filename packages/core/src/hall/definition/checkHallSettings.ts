import type { HallDefinition } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';
import { definitionText, type CodedText } from './definitionText.ts';

/**
 * Bounds a hall can live with, per policy field. Wider than any province's rules we know of, tight
 * enough that a typo (3600 seconds to rate, 400 working days to follow up) is caught at the field.
 */
export const POLICY_BOUNDS = {
  ratingSeconds: { min: 5, max: 600 },
  centerLapseMinutes: { min: 1, max: 1440 },
  laterRatingDays: { min: 0, max: 30 },
  followUpWorkingDays: { min: 1, max: 60 },
  recallsBeforeNoShow: { min: 0, max: 10 },
  lateArrivalMinutes: { min: 1, max: 480 },
  blockSize: { min: 1, max: 1000 },
} as const;
export type PolicyField = keyof typeof POLICY_BOUNDS;

/** Why a whole number is not acceptable for a policy field, or undefined when it is. */
export function policyValueProblem(field: PolicyField, value: number): CodedText | undefined {
  const b = POLICY_BOUNDS[field];
  if (!Number.isInteger(value)) return definitionText('notWholeNumber');
  if (value < b.min || value > b.max) return definitionText('outOfRange', { min: b.min, max: b.max });
  return undefined;
}

/** Whether the JS runtime knows an IANA time zone (the hall-day is read in it). */
export function isKnownTimeZone(tz: string): boolean {
  if (tz.trim() === '' || tz !== tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Why a public address is not one a citizen's phone can open, or undefined when it is. */
export function publicUrlProblem(url: string): CodedText | undefined {
  // A regular expression, not URL: core runs without the DOM or Node globals.
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^\s/?#]+)([/?#]\S*)?$/i.exec(url);
  if (!m) return definitionText('urlFormat');
  if (!/^https?$/i.test(m[1] ?? '')) return definitionText('urlScheme');
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(m[2] ?? '') && !/^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(m[2] ?? ''))
    return definitionText('urlHost');
  return undefined;
}

/** Hall info, zone names and the policies: what checkHallDefinition adds for the settings parts. */
export function checkHallSettings(def: HallDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const hall = def.catalog.hall;
  const at = ['catalog', 'hall'];
  if (hall.name.trim() === '') out.push(problem([...at, 'name'], 'hallNameEmpty'));
  if (!isKnownTimeZone(hall.timeZone))
    out.push(problem([...at, 'timeZone'], 'timeZoneUnknown', { timeZone: hall.timeZone }));
  if (hall.publicUrl !== undefined) {
    const p = publicUrlProblem(hall.publicUrl);
    if (p) out.push(problem([...at, 'publicUrl'], p.code, p.params));
  }
  if (hall.regionCode !== undefined && !/^\d{12}$/.test(hall.regionCode))
    out.push(problem([...at, 'regionCode'], 'regionCodeForm'));
  def.catalog.zones.forEach((z, i) => {
    if (z.name.trim() === '') out.push(problem(['catalog', 'zones', i, 'name'], 'zoneNameEmpty'));
  });
  def.catalog.categories.forEach((c, i) => {
    if (c.name.trim() === '') out.push(problem(['catalog', 'categories', i, 'name'], 'categoryNameEmpty'));
  });

  const bound = (path: (string | number)[], field: PolicyField, value: number | undefined) => {
    if (value === undefined) return;
    const p = policyValueProblem(field, value);
    if (p) out.push(problem(path, p.code, p.params));
  };
  bound(['evaluation', 'ratingSeconds'], 'ratingSeconds', def.evaluation.ratingSeconds);
  bound(['evaluation', 'centerLapseMinutes'], 'centerLapseMinutes', def.evaluation.centerLapseMinutes);
  bound(['evaluation', 'laterRatingDays'], 'laterRatingDays', def.evaluation.laterRatingDays);
  bound(['evaluation', 'followUpWorkingDays'], 'followUpWorkingDays', def.evaluation.followUpWorkingDays);
  bound(['noShow', 'recallsBeforeNoShow'], 'recallsBeforeNoShow', def.noShow.recallsBeforeNoShow);
  if (def.noShow.lateArrival.allowed)
    bound(['noShow', 'lateArrival', 'withinMinutes'], 'lateArrivalMinutes', def.noShow.lateArrival.withinMinutes);
  bound(['numbering', 'blockSize'], 'blockSize', def.numbering.blockSize);
  return out;
}
