// The rating record of one window pad: every prompt the center sent, what became of it, and the
// rule that each service is rated at most once here. Each change and its outbox event (EvaluationGiven /
// EvaluationLapsed) commit in ONE SQLite transaction, so what the screen confirms is on disk.
import { randomUUID } from 'node:crypto';
import { BAD_REVIEW_REASONS, isBadReview, type EvaluationLevel, type EvaluationPrompt, type HallEvent } from '@hallkit/core';
import type { DeviceStore, Logger, StoreTx } from '@hallkit/sync';

export type PromptState = 'pending' | 'reasons' | 'rated' | 'lapsed';

export interface PromptRecord {
  prompt: EvaluationPrompt;
  receivedAt: number;
  deadlineAt: number;
  state: PromptState;
  level: EvaluationLevel | null;
  evaluationId: string | null;
}

/** A refusal the renderer can show; `code` is an i18n key. */
export class RatingRefused extends Error {
  constructor(
    readonly code: 'unknown-service' | 'already-rated' | 'rating-closed' | 'needs-reason' | 'unknown-reason',
    message: string,
  ) {
    super(message);
    this.name = 'RatingRefused';
  }
}

export type OfferOutcome = 'shown' | 'duplicate' | 'too-late';

interface Row {
  prompt: string;
  received_at: number;
  deadline_at: number;
  state: PromptState;
  level: EvaluationLevel | null;
  evaluation_id: string | null;
}

const toRecord = (r: Row): PromptRecord => ({
  prompt: JSON.parse(r.prompt) as EvaluationPrompt,
  receivedAt: r.received_at,
  deadlineAt: r.deadline_at,
  state: r.state,
  level: r.level,
  evaluationId: r.evaluation_id,
});

/** Seconds the center allows for a rating at the window: its deadline minus the finish time. */
export function ratingSecondsOf(p: EvaluationPrompt): number {
  const s = Math.round((Date.parse(p.deadline) - Date.parse(p.finishedAt)) / 1000);
  return Number.isFinite(s) && s > 0 ? s : 60;
}

export class PromptBook {
  constructor(
    private readonly store: DeviceStore,
    private readonly logger: Logger,
  ) {}

  get(serviceId: string): PromptRecord | undefined {
    const r = this.store.db.prepare('SELECT prompt, received_at, deadline_at, state, level, evaluation_id FROM pad_prompts WHERE service_id = ?').get(serviceId) as Row | undefined;
    return r && toRecord(r);
  }

  /** The one service waiting for a rating (pending or in the reasons step), if any. */
  open(): PromptRecord | undefined {
    const r = this.store.db
      .prepare("SELECT prompt, received_at, deadline_at, state, level, evaluation_id FROM pad_prompts WHERE state IN ('pending', 'reasons') ORDER BY received_at DESC LIMIT 1")
      .get() as Row | undefined;
    return r && toRecord(r);
  }

  /**
   * A prompt from the center. A service seen before (rated, lapsed or still open) is ignored — the
   * retained window message repeats it on every reconnect, and a replay must never reopen a rating.
   * A newer service closes an older open one as not rated (the citizen has left; staff moved on).
   */
  offer(prompt: EvaluationPrompt, now = Date.now()): OfferOutcome {
    const seen = this.get(prompt.serviceId);
    if (seen) {
      if (seen.state === 'rated' || seen.state === 'lapsed') this.logger.info('prompt for a closed service ignored', { serviceId: prompt.serviceId, state: seen.state });
      return 'duplicate';
    }
    const seconds = ratingSecondsOf(prompt);
    // Arrived after its deadline (the pad was off or cut off when staff finished): nobody could rate it here.
    const tooLate = now > Date.parse(prompt.deadline);
    return this.store.transaction((tx) => {
      for (const old of this.openRows(tx)) this.lapse(tx, old, now, 'superseded by a newer service');
      tx.db
        .prepare('INSERT INTO pad_prompts (service_id, ticket_id, prompt, received_at, deadline_at, state) VALUES (?, ?, ?, ?, ?, ?)')
        // The citizen gets the whole configured window from the moment the pad shows the screen.
        .run(prompt.serviceId, prompt.ticketId, JSON.stringify(prompt), now, now + seconds * 1000, 'pending');
      if (tooLate) {
        this.lapse(tx, { prompt, state: 'pending' }, now, 'prompt arrived after its deadline');
        return 'too-late' as const;
      }
      return 'shown' as const;
    });
  }

  /** The citizen's one touch. Returns `reasons` for a 差评 (level locked), `thanks` once recorded. */
  choose(serviceId: string, level: EvaluationLevel, now = Date.now()): 'thanks' | 'reasons' {
    this.lapseDue(now); // a touch after the deadline finds the service already recorded as not rated
    return this.store.transaction((tx) => {
      const rec = this.openFor(tx, serviceId, now);
      if (rec.state !== 'pending') throw new RatingRefused('already-rated', `service ${serviceId} already has a level`);
      if (isBadReview(level)) {
        // The reasons step gets the whole rating window again: no time pressure shorter than configured.
        const deadline = Math.max(rec.deadlineAt, now + ratingSecondsOf(rec.prompt) * 1000);
        tx.db.prepare("UPDATE pad_prompts SET state = 'reasons', level = ?, deadline_at = ? WHERE service_id = ?").run(level, deadline, serviceId);
        return 'reasons' as const;
      }
      this.give(tx, rec.prompt, level, [], undefined, now);
      return 'thanks' as const;
    });
  }

  /** Reasons (from the configured list) and a short comment for the 差评 locked by `choose`. */
  submitReasons(serviceId: string, reasons: string[], comment: string | undefined, allowed: readonly string[], now = Date.now()): 'thanks' {
    const unique = [...new Set(reasons)];
    if (unique.length === 0) throw new RatingRefused('needs-reason', 'a 差评 needs at least one reason');
    const bad = unique.find((r) => !allowed.includes(r) || !Object.prototype.hasOwnProperty.call(BAD_REVIEW_REASONS, r));
    if (bad !== undefined) throw new RatingRefused('unknown-reason', `reason ${bad} is not offered`);
    this.lapseDue(now);
    return this.store.transaction((tx) => {
      const rec = this.openFor(tx, serviceId, now);
      if (rec.state !== 'reasons' || !rec.level) throw new RatingRefused('already-rated', `service ${serviceId} is not waiting for reasons`);
      const text = comment?.trim().slice(0, 200);
      this.give(tx, rec.prompt, rec.level, unique, text ? text : undefined, now);
      return 'thanks' as const;
    });
  }

  /** Record every open prompt whose time is up as not rated; returns how many. Run on a timer and at start. */
  lapseDue(now = Date.now()): number {
    return this.store.transaction((tx) => {
      const due = this.openRows(tx).filter((r) => r.deadlineAt <= now);
      for (const r of due) this.lapse(tx, r, now, 'no rating within the configured time');
      return due.length;
    });
  }

  private openRows(tx: StoreTx): PromptRecord[] {
    const rows = tx.db.prepare("SELECT prompt, received_at, deadline_at, state, level, evaluation_id FROM pad_prompts WHERE state IN ('pending', 'reasons')").all() as Row[];
    return rows.map(toRecord);
  }

  private openFor(tx: StoreTx, serviceId: string, now: number): PromptRecord {
    const r = tx.db.prepare('SELECT prompt, received_at, deadline_at, state, level, evaluation_id FROM pad_prompts WHERE service_id = ?').get(serviceId) as Row | undefined;
    if (!r) throw new RatingRefused('unknown-service', `no prompt for service ${serviceId}`);
    const rec = toRecord(r);
    if (rec.state === 'rated') throw new RatingRefused('already-rated', `service ${serviceId} was already rated`);
    if (rec.state === 'lapsed') throw new RatingRefused('rating-closed', `service ${serviceId} was recorded as not rated`);
    if (rec.deadlineAt <= now) throw new RatingRefused('rating-closed', `the rating time for service ${serviceId} has passed`);
    return rec;
  }

  private give(tx: StoreTx, p: EvaluationPrompt, level: EvaluationLevel, reasons: string[], comment: string | undefined, now: number): void {
    const evaluationId = randomUUID();
    const event: HallEvent = {
      type: 'EvaluationGiven',
      v: 1,
      at: new Date(now).toISOString(),
      evaluationId,
      serviceId: p.serviceId,
      ticketId: p.ticketId,
      level,
      reasons,
      ...(comment !== undefined ? { comment } : {}),
      channel: 'hall-pad',
      windowId: p.windowId,
      staffId: p.staffId,
      ...(p.itemId !== null ? { itemId: p.itemId } : {}),
    };
    tx.db.prepare("UPDATE pad_prompts SET state = 'rated', level = ?, evaluation_id = ?, closed_at = ? WHERE service_id = ?").run(level, evaluationId, now, p.serviceId);
    const { seq } = tx.append(event);
    this.logger.info('rating recorded', { serviceId: p.serviceId, evaluationId, level, reasons: reasons.length, seq });
  }

  private lapse(tx: StoreTx, rec: Pick<PromptRecord, 'prompt' | 'state'>, now: number, why: string): void {
    const event: HallEvent = { type: 'EvaluationLapsed', v: 1, at: new Date(now).toISOString(), serviceId: rec.prompt.serviceId, ticketId: rec.prompt.ticketId };
    tx.db.prepare("UPDATE pad_prompts SET state = 'lapsed', closed_at = ? WHERE service_id = ?").run(now, rec.prompt.serviceId);
    const { seq } = tx.append(event);
    this.logger.info('service recorded as not rated', { serviceId: rec.prompt.serviceId, why, seq });
  }
}
