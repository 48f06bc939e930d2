import { localName, localText } from '@hallkit/core';
import type { BoardConfig, BoardLayout } from '../../board/BoardConfig.ts';
import type { BoardCall, BoardState } from '../../board/BoardState.ts';

/** What the URL may override over the board's config (signage boxes set the layout in the address). */
export interface LayoutOverride {
  layout?: BoardLayout;
  zoneId?: string;
  windowId?: string;
  uiLanguage?: BoardConfig['uiLanguage'];
}

export function overrideFromQuery(search: string): LayoutOverride {
  const q = new URLSearchParams(search);
  const o: LayoutOverride = {};
  const layout = q.get('layout');
  if (layout === 'hall' || layout === 'zone' || layout === 'window' || layout === 'led') o.layout = layout;
  const zone = q.get('zone');
  if (zone) o.zoneId = zone;
  const win = q.get('window');
  if (win) o.windowId = win;
  const lang = q.get('lang');
  if (lang === 'zh-CN' || lang === 'zh-TW' || lang === 'en') o.uiLanguage = lang;
  return o;
}

export function effectiveConfig(c: BoardConfig, o: LayoutOverride): BoardConfig {
  return { ...c, ...o };
}

export interface CategoryRow {
  id: string;
  name: string;
  prefix: string;
  waiting: number;
  estimatedWaitMinutes: number | null;
}

export interface WindowStripView {
  windowId: string;
  windowNumber: number | null;
  number: string | null;
  status: 'closed' | 'open' | 'paused' | 'unknown';
  staffName: string | null;
  /** The ticket shown is a 绿色通道 one: the strip marks it (the hall's 「绿」). */
  green: boolean;
  /** The window's own label in the board's language (「绿色通道」「无差别受理」); absent or null when it has none. */
  label?: string | null;
}

export interface BoardView {
  layout: BoardLayout;
  hallName: string;
  /** Zone name on a zone board, else null. */
  zoneName: string | null;
  latest: BoardCall | null;
  /** The latest call's window label in the board's language (citizens look for 「绿色通道」), else null. */
  latestLabel: string | null;
  recent: BoardCall[];
  categories: CategoryRow[];
  totalWaiting: number;
  strip: WindowStripView | null;
  notice: string | null;
  /** The hall's time zone (its definition): the clock and every time shown follow it, not the device's. */
  timeZone: string;
}

/** A window's label (hall definition) in the board's language, or null. Never spoken: the voice clips are fixed. */
export function windowLabel(state: BoardState, windowId: string, lang: string): string | null {
  const l = state.windowLabels[windowId];
  return l ? localText(l.label, l.labelI18n, lang) : null;
}

/** Which calls a board shows and says: all of them, its zone's, or its window's. */
export function callInScope(state: BoardState, config: BoardConfig, call: BoardCall): boolean {
  if (config.layout === 'window') return call.windowId === config.windowId;
  if ((config.layout === 'zone' || config.layout === 'led') && config.zoneId) {
    const win = state.snapshot?.windows.find((w) => w.id === call.windowId);
    const cat = state.snapshot?.categories.find((c) => c.id === call.categoryId);
    return win?.zoneId === config.zoneId || (win === undefined && cat?.zoneId === config.zoneId);
  }
  return true;
}

/** The board's view for its layout: pure, so layouts are unit-tested without a browser. */
export function boardView(state: BoardState, config: BoardConfig): BoardView {
  const snap = state.snapshot;
  const calls = state.calls.filter((c) => callInScope(state, config, c));
  const zoned = (config.layout === 'zone' || config.layout === 'led') && config.zoneId;
  // A zone board lists every category its windows serve, not only the ones defined in its zone.
  const servedHere = new Set((snap?.windows ?? []).filter((w) => w.zoneId === config.zoneId).flatMap((w) => w.categoryIds ?? []));
  const categories = (snap?.categories ?? [])
    .filter((c) => !zoned || c.zoneId === config.zoneId || servedHere.has(c.id))
    .map((c) => ({ id: c.id, name: localName(c, config.uiLanguage), prefix: c.prefix, waiting: c.waiting, estimatedWaitMinutes: c.estimatedWaitMinutes }));
  let strip: WindowStripView | null = null;
  if (config.layout === 'window' && config.windowId) {
    const w = snap?.windows.find((x) => x.id === config.windowId);
    const lastCall = calls[0];
    // A live call is newer than the snapshot's "current ticket" until the next snapshot says otherwise.
    // After 办结 the newer snapshot says nobody is at the counter: the strip must not keep the number.
    const fromCall = lastCall !== undefined && (!snap || lastCall.at >= snap.at);
    const number = fromCall ? lastCall.number : (w?.currentTicket ?? null);
    const green = number !== null && (fromCall ? lastCall.priority === 'green' : w?.currentPriority === 'green');
    strip = { windowId: config.windowId, windowNumber: w?.number ?? lastCall?.windowNumber ?? null, number, status: w?.status ?? 'unknown', staffName: w?.staffName ?? null, green, label: windowLabel(state, config.windowId, config.uiLanguage) };
  }
  return {
    layout: config.layout,
    // Names in the board's language where the hall definition has them (繁體/English), else as defined.
    hallName: snap ? localName({ name: snap.hallName, i18n: state.hallNameI18n ?? undefined }, config.uiLanguage) : '',
    zoneName: zoned && config.zoneId ? localName({ name: state.zoneNames[config.zoneId] ?? config.zoneId, i18n: state.zoneNamesI18n[config.zoneId] }, config.uiLanguage) : null,
    latest: calls[0] ?? null,
    latestLabel: calls[0] ? windowLabel(state, calls[0].windowId, config.uiLanguage) : null,
    // A recall is a new call of the same ticket: the history shows each ticket once, at its last call.
    recent: calls.filter((c, i) => i > 0 && c.ticketId !== calls[0]?.ticketId && calls.findIndex((x) => x.ticketId === c.ticketId) === i).slice(0, config.recentCount),
    categories,
    totalWaiting: categories.reduce((n, c) => n + c.waiting, 0),
    strip,
    notice: state.notice,
    timeZone: state.timeZone,
  };
}
