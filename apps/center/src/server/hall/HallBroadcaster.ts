// Publishes what devices render: every call on `hall/calls`, the retained `hall/snapshot` a call
// board draws from scratch, and a retained `hall/window-{id}` per window for its evaluator pad.
import type { MqttClient } from 'mqtt';
import { callAnnouncement, hallSnapshot, windowTopicName, type CallMessage, type HallEvent } from '@hallkit/core';
import { publishHall, type Logger } from '@hallkit/sync';
import type { HallService } from './HallService.ts';
import { windowMessage } from './windowMessage.ts';

const WINDOW_EVENTS = new Set<HallEvent['type']>([
  'WindowOpened', 'WindowPaused', 'WindowResumed', 'WindowClosed', 'TicketCalled', 'TicketRecalled',
  'TicketNoShow', 'TicketHeld', 'TicketReturnedToLine', 'TicketTransferred', 'TicketFinished',
]);

export class HallBroadcaster {
  /** serviceId of the last service finished at each window (the one its pad asks to rate). */
  private readonly lastFinished = new Map<string, string>();
  private snapshotTimer: NodeJS.Timeout | undefined;
  private lastSnapshotAt = 0;
  private readonly detach: () => void;

  constructor(
    private readonly client: MqttClient,
    private readonly service: HallService,
    private readonly logger: Logger,
    /** Snapshots are coalesced: at most one per this many ms (plus one at the end of a burst). */
    private readonly snapshotEveryMs = 250,
  ) {
    // Rebuild "last finished per window" from the state after a restart.
    for (const t of service.state.tickets.values()) {
      for (const svc of t.services) {
        const prev = this.lastFinished.get(svc.windowId);
        const prevAt = prev ? this.finishedAt(prev) : '';
        if (svc.finishedAt >= prevAt) this.lastFinished.set(svc.windowId, svc.serviceId);
      }
    }
    const fn = (events: HallEvent[]) => this.onEvents(events);
    service.on('events', fn);
    this.detach = () => service.off('events', fn);
  }

  private get hallId(): string {
    return this.service.config.catalog.hall.id;
  }

  private finishedAt(serviceId: string): string {
    return this.service.state.ratings.get(serviceId)?.finishedAt ?? '';
  }

  /** Everything retained, at start: boards and pads that connect later see the current state. */
  async publishAll(): Promise<void> {
    await this.publishSnapshot();
    await Promise.all([...this.service.state.windows.keys()].map((id) => this.publishWindow(id)));
  }

  stop(): void {
    this.detach();
    clearTimeout(this.snapshotTimer);
  }

  private onEvents(events: HallEvent[]): void {
    const windows = new Set<string>();
    for (const e of events) {
      if (e.type === 'TicketCalled' || e.type === 'TicketRecalled') this.publishCall(e);
      if (e.type === 'TicketFinished') this.lastFinished.set(e.windowId, e.serviceId);
      if (WINDOW_EVENTS.has(e.type) && 'windowId' in e) windows.add(e.windowId);
      if (e.type === 'TicketTransferred') {
        // 一次一评: the transferring window's pad asks about what that window did.
        this.lastFinished.set(e.fromWindowId, e.serviceId);
        windows.add(e.fromWindowId);
        if (e.to.kind === 'window') windows.add(e.to.windowId);
      }
      if (e.type === 'EvaluationGiven' || e.type === 'EvaluationLapsed') {
        for (const [w, s] of this.lastFinished) if (s === e.serviceId) windows.add(w);
      }
    }
    for (const w of windows) void this.publishWindow(w);
    this.scheduleSnapshot();
  }

  private publishCall(e: Extract<HallEvent, { type: 'TicketCalled' | 'TicketRecalled' }>): void {
    const s = this.service.state;
    const t = s.tickets.get(e.ticketId);
    const w = s.windows.get(e.windowId);
    if (!t || !w) return;
    const body: CallMessage = {
      v: 1,
      ticketId: t.id,
      number: t.number,
      categoryId: t.categoryId,
      windowId: w.config.id,
      windowNumber: w.config.number,
      recall: e.type === 'TicketRecalled',
      at: e.at,
      voice: callAnnouncement(t.number, w.config.number),
      priority: t.priority,
    };
    publishHall(this.client, this.hallId, 'calls', body, { qos: 1 }).catch((err: Error) => this.logger.warn('call not published', { ticketId: t.id, error: err.message }));
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer) return;
    const wait = Math.max(0, this.lastSnapshotAt + this.snapshotEveryMs - Date.now());
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void this.publishSnapshot();
    }, wait);
  }

  private async publishSnapshot(): Promise<void> {
    this.lastSnapshotAt = Date.now();
    const snap = hallSnapshot(this.service.state, new Date().toISOString());
    await publishHall(this.client, this.hallId, 'snapshot', snap, { retain: true, qos: 1 }).catch((err: Error) =>
      this.logger.warn('snapshot not published', { error: err.message }),
    );
  }

  private async publishWindow(windowId: string): Promise<void> {
    const msg = windowMessage(this.service.state, windowId, this.lastFinished.get(windowId));
    if (!msg) return;
    await publishHall(this.client, this.hallId, windowTopicName(windowId), msg, { retain: true, qos: 1 }).catch((err: Error) =>
      this.logger.warn('window state not published', { windowId, error: err.message }),
    );
  }

  /** For the consoles: the service this window's pad is asking about, if any. */
  lastFinishedAt(windowId: string): string | undefined {
    return this.lastFinished.get(windowId);
  }
}
