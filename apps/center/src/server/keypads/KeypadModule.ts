// Wired caller keypads (issue 19): the device that owns a keypad bus (its "caller bridge") sends
// each key as a `keypad-action` request. Checked where it enters: the device must be enrolled with
// a role that may bridge keypads and be the bus's bridge in the hall's definition, and the address
// must be that window's keypad. Then the same window command the web console runs, with the same
// refusals from the domain; a repeated press (same id) gets its first answer; a press past its
// deadline (the keypad already beeped "offline") is never applied.
import { DomainError, KEYPAD_ACTION_REQUEST, KeypadActionRequestSchema, type Hall, type HallState, type KeypadActionRequest, type KeypadActionResult } from '@hallkit/core';
import type { Migration, RequestContext } from '@hallkit/sync';
import type { CenterContext } from '../CenterContext.ts';
import type { CenterModule } from '../CenterModule.ts';

/** Roles that may drive a keypad bus: a zone's box enrolled for it, or the call board's host. */
export const KEYPAD_BRIDGE_ROLES: readonly string[] = ['caller-bridge', 'call-board'];

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'keypad presses',
    up: `CREATE TABLE keypad_presses (
      press_id  TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      window_id TEXT NOT NULL,
      action    TEXT NOT NULL,
      result    TEXT NOT NULL,
      at        INTEGER NOT NULL);
    CREATE INDEX keypad_presses_at ON keypad_presses (at)`,
  },
];

/** Presses remembered for repeats; far longer than any keypad or bridge retries. */
const KEEP_MS = 24 * 3600_000;

function windowState(s: HallState, windowId: string): KeypadActionResult['window'] {
  const w = s.windows.get(windowId);
  if (!w) return null;
  const waiting = w.config.categoryIds.reduce((n, c) => n + s.lines.categoryCount(c), s.lines.windowCount(windowId));
  return { status: w.status, currentTicket: w.currentTicketId ? (s.tickets.get(w.currentTicketId)?.number ?? null) : null, waiting };
}

function apply(h: Hall, s: HallState, req: KeypadActionRequest, at: string): string | null {
  const w = req.windowId;
  switch (req.action) {
    case 'call-next':
      return h.callNext(w, at).called?.number ?? null;
    case 'recall':
      h.recall(w, at);
      return null;
    case 'finish':
      h.finish(w, 'completed', at);
      return null;
    case 'no-show':
      h.markNoShow(w, at);
      return null;
    case 'hold':
      h.hold(w, at);
      return null;
    case 'call-back': {
      // The keypad has no list: it calls back the ticket this window set aside last.
      const held = [...s.tickets.values()].filter((t) => t.status === 'held' && t.targetWindowId === w);
      const last = held.at(-1);
      if (!last) throw new DomainError('ticket-not-held', 'no ticket is held at this window');
      h.callBack(w, last.id, at);
      return last.number;
    }
    case 'pause':
      h.pauseWindow(w, at, '呼叫器暂停');
      return null;
    case 'resume':
      h.resumeWindow(w, at);
      return null;
    case 'transfer': {
      const target = [...s.windows.values()].find((x) => x.config.number === req.toWindowNumber);
      if (!target) throw new DomainError('unknown-window', `no window ${req.toWindowNumber}`);
      h.transfer(w, { kind: 'window', windowId: target.config.id }, at);
      return null;
    }
  }
}

export function keypadModule(): CenterModule {
  const answer = (ctx: CenterContext, body: KeypadActionRequest, rc: RequestContext): KeypadActionResult => {
    const refuse = (code: string, message: string): KeypadActionResult => {
      ctx.logger.warn('keypad action refused', { deviceId: rc.deviceId, windowId: body.windowId, address: body.address, action: body.action, code });
      return { v: 1, ok: false, code, message, window: windowState(ctx.hall.state, body.windowId) };
    };
    const device = ctx.registry.get(rc.deviceId);
    if (!device || device.state !== 'enrolled' || !KEYPAD_BRIDGE_ROLES.includes(device.role)) return refuse('not-a-keypad-bridge', `device ${rc.deviceId} may not bridge keypads`);
    const buses = ctx.hall.state.config.hardware?.keypadBuses ?? [];
    const mine = buses.filter((b) => b.bridgeDeviceId === rc.deviceId).flatMap((b) => b.keypads);
    if (!mine.some((k) => k.address === body.address && k.windowId === body.windowId)) return refuse('not-your-keypad', `keypad ${body.address} of window ${body.windowId} is not on ${rc.deviceId}'s bus`);

    const stored = ctx.db.prepare('SELECT result FROM keypad_presses WHERE press_id = ?').get(body.pressId) as { result: string } | undefined;
    if (stored) return { ...(JSON.parse(stored.result) as KeypadActionResult), repeated: true };

    const now = ctx.now();
    let result: KeypadActionResult;
    if (now.getTime() > body.deadline) result = refuse('expired', 'the keypad gave up on this press before it arrived');
    else {
      try {
        const called = ctx.hall.run('center', (h) => apply(h, ctx.hall.state, body, now.toISOString()));
        result = { v: 1, ok: true, called, window: windowState(ctx.hall.state, body.windowId) };
        ctx.audit.record(`device:${rc.deviceId}`, `keypad-${body.action}`, body.windowId, { address: body.address, pressId: body.pressId, called });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        result = refuse(e.code, e.message);
      }
    }
    ctx.db.prepare('INSERT OR IGNORE INTO keypad_presses (press_id, device_id, window_id, action, result, at) VALUES (?, ?, ?, ?, ?, ?)').run(body.pressId, rc.deviceId, body.windowId, body.action, JSON.stringify(result), now.getTime());
    ctx.db.prepare('DELETE FROM keypad_presses WHERE at < ?').run(now.getTime() - KEEP_MS);
    return result;
  };
  return {
    name: 'keypads',
    migrations: MIGRATIONS,
    requests(responder, ctx) {
      responder.handle(KEYPAD_ACTION_REQUEST, KeypadActionRequestSchema, (body, rc) => answer(ctx, body, rc));
    },
  };
}
