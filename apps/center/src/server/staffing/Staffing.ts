// Staff at any window they may use: logging in at a window opens it under them (and closes the
// one they left without 下班), 下班 closes it, and a window session whose console has been gone
// longer than the hall's idle time is ended and its window closed, so the wait estimates stop
// counting a window nobody works at. Presence = the window console's live feed being open.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { DomainError, type AtCounter } from '@hallkit/core';
import type { CenterContext } from '../CenterContext.ts';
import type { StaffMember } from '../auth/Accounts.ts';

export interface StaffingOptions {
  /** Minutes a window session may be without its console before the window is closed (default 15). */
  idleMinutes?: number;
  /** How often to look (ms; default 30 s). */
  sweepMs?: number;
}

export class Staffing extends EventEmitter<{ change: [] }> {
  /** Open console feeds per window and staff member: `${windowId}/${staffNo}` → count. */
  private readonly streams = new Map<string, number>();
  /** When each window session was last seen (login, feed opened or closed): `${windowId}/${staffNo}` → ms. */
  private readonly lastSeen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt: number;
  readonly idleMs: number;

  constructor(
    private readonly ctx: Pick<CenterContext, 'hall' | 'accounts' | 'audit' | 'now' | 'logger' | 'live'>,
    private readonly o: StaffingOptions = {},
  ) {
    super();
    this.idleMs = (o.idleMinutes ?? 15) * 60_000;
    this.startedAt = ctx.now().getTime();
  }

  start(): void {
    this.timer = setInterval(() => this.sweep(), this.o.sweepMs ?? 30_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private at(): string {
    return this.ctx.now().toISOString();
  }

  /** A staff member logs in at `windowId`: the window opens under them (taken over from a colleague). */
  arrive(member: StaffMember, windowId: string): void {
    const h = this.ctx.hall;
    for (const w of h.state.windows.values()) {
      // One person, one window: the window they walked away from (no 下班) goes back to the hall.
      if (w.config.id !== windowId && w.staff?.id === member.staffNo && w.status !== 'closed') {
        this.leave(w.config.id, `staff:${member.staffNo}`, { kind: 'hand-back' }, 'moved-window');
      }
    }
    const ended = this.ctx.accounts.endWindowSessions(windowId, member.staffNo);
    if (ended > 0) this.ctx.audit.record(`staff:${member.staffNo}`, 'window-taken-over', windowId);
    const w = h.state.windows.get(windowId);
    if (w && (w.status === 'closed' || w.staff?.id !== member.staffNo)) {
      h.run('center', (hall) => hall.openWindow(windowId, { id: member.staffNo, name: member.name }, this.at()));
    }
    this.lastSeen.set(`${windowId}/${member.staffNo}`, this.ctx.now().getTime());
    this.changed();
  }

  /** Closes a window (下班, a supervisor, the idle sweep) and ends every session at it. */
  leave(windowId: string, actor: string, atCounter: AtCounter, why: string): void {
    const w = this.ctx.hall.state.windows.get(windowId);
    if (w && w.status !== 'closed') {
      try {
        this.ctx.hall.run('center', (h) => h.closeWindow(windowId, this.at(), atCounter));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    this.ctx.accounts.endWindowSessions(windowId);
    this.ctx.audit.record(actor, 'window-closed', windowId, { why, atCounter: atCounter.kind });
    this.changed();
  }

  /** The window console's live feed of `staffNo` at `windowId` is open on `res`. */
  attach(res: ServerResponse, windowId: string, staffNo: string): void {
    const key = `${windowId}/${staffNo}`;
    this.streams.set(key, (this.streams.get(key) ?? 0) + 1);
    this.lastSeen.set(key, this.ctx.now().getTime());
    res.on('close', () => {
      const n = (this.streams.get(key) ?? 1) - 1;
      if (n <= 0) this.streams.delete(key);
      else this.streams.set(key, n);
      this.lastSeen.set(key, this.ctx.now().getTime());
    });
  }

  /** Whether someone is logged in at a window now (a live window session). */
  loggedIn(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.ctx.accounts.windowSessions()) out.set(s.windowId, s.staffNo);
    return out;
  }

  /**
   * Closes every window whose staff member's console has been gone longer than the idle time —
   * logged out without 下班, browser closed, session lost — and ends their sessions there. A window
   * nobody ever logged in at since the center started counts from the start. Returns the windows closed.
   */
  sweep(): string[] {
    const now = this.ctx.now().getTime();
    const sessions = new Map<string, number>();
    for (const s of this.ctx.accounts.windowSessions()) sessions.set(`${s.windowId}/${s.staffNo}`, s.createdAt);
    const closed: string[] = [];
    for (const w of this.ctx.hall.state.windows.values()) {
      if (w.status === 'closed' || !w.staff) continue;
      const key = `${w.config.id}/${w.staff.id}`;
      if ((this.streams.get(key) ?? 0) > 0) continue;
      const seen = this.lastSeen.get(key) ?? Math.max(sessions.get(key) ?? 0, this.startedAt);
      if (now - seen < this.idleMs) continue;
      this.leave(w.config.id, 'center', { kind: 'hand-back' }, 'session-timeout');
      this.ctx.audit.record('center', 'session-timeout', w.config.id, { staffNo: w.staff?.id, idleMinutes: Math.round((now - seen) / 60_000) });
      this.ctx.logger.info('window closed: nobody at its console', { windowId: w.config.id });
      this.lastSeen.delete(key);
      closed.push(w.config.id);
    }
    if (closed.length) this.changed();
    return closed;
  }

  /** Who is logged in where changed (alarms look again, consoles refresh). */
  changed(): void {
    this.emit('change');
    this.ctx.live.changed();
  }
}
