// Ticket requests this kiosk gave up on (issue 15, ghost tickets). When the center does not answer
// `ticket-issue` in time the kiosk prints from its own block — but the request is still on its way,
// and a stalled center would issue a second ticket nobody holds. So the request is withdrawn by id:
// written to the kiosk's file before the offline ticket is printed (a restart still withdraws it),
// sent at once on the same request topic (so it reaches the center after the request it names), and
// sent again until the center answers. When the file cannot be written (disk full) it is kept in
// memory and sent all the same.
import { TICKET_REQUESTS, TicketWithdrawResponseSchema } from '@hallkit/core';
import type { DeviceStore } from '@hallkit/sync';
import type { CenterRequester } from './TicketCounter.ts';

const RETRY_MS = 3000;

export class Withdrawals {
  private readonly unsaved = new Set<string>();
  private sending = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: DeviceStore,
    private readonly center: CenterRequester,
    private readonly log: (line: string) => void,
  ) {}

  /** Record the withdrawal (in the file if it can be written) and send it now. */
  add(requestId: string, at: string): void {
    try {
      this.store.db.prepare('INSERT OR IGNORE INTO kiosk_withdrawals (request_id, at) VALUES (?, ?)').run(requestId, at);
    } catch (e) {
      this.unsaved.add(requestId);
      this.log(`withdrawal of ${requestId} kept in memory only (${(e as { code?: string }).code ?? (e as Error).message})`);
    }
    void this.send();
  }

  /** Withdrawals not yet confirmed by the center. */
  pending(): string[] {
    let saved: string[] = [];
    try {
      saved = (this.store.db.prepare('SELECT request_id AS id FROM kiosk_withdrawals ORDER BY at').all() as { id: string }[]).map((r) => r.id);
    } catch {
      // an unreadable file: the in-memory ones still go
    }
    return [...new Set([...saved, ...this.unsaved])];
  }

  /** Send every pending withdrawal once; the ones not answered are tried again a little later. */
  async send(): Promise<void> {
    if (this.sending || this.stopped) return;
    this.sending = true;
    let left = 0;
    try {
      for (const requestId of this.pending()) {
        const r = await this.center.request(TICKET_REQUESTS.withdraw, { v: 1, requestId }, { timeoutMs: 5000, schema: TicketWithdrawResponseSchema });
        if (r.ok && r.body.ok) {
          this.done(requestId);
          this.log(`ticket request ${requestId} withdrawn at the center: ${r.body.outcome}${r.body.ticketId ? ` (${r.body.ticketId})` : ''}`);
        } else if (r.ok && !r.body.ok && r.body.code !== 'rate-limited') {
          // A refusal is final (e.g. a center without the record): nothing more this kiosk can do.
          this.done(requestId);
          this.log(`withdrawal of ${requestId} refused: ${r.body.code}`);
        } else if (!r.ok && r.reason === 'rejected' && r.error.includes('unknown-request')) {
          this.done(requestId);
          this.log(`withdrawal of ${requestId}: this center does not know withdrawals`);
        } else left++;
      }
    } finally {
      this.sending = false;
    }
    if (left > 0 && !this.stopped && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.send();
      }, RETRY_MS);
      this.timer.unref();
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private done(requestId: string): void {
    this.unsaved.delete(requestId);
    try {
      this.store.db.prepare('DELETE FROM kiosk_withdrawals WHERE request_id = ?').run(requestId);
    } catch {
      // a full disk may refuse even a delete's journal; the next send tries again and the center answers `already-withdrawn`
    }
  }
}
