import { z } from 'zod';
import { NameTranslationsSchema } from '../catalog/Translations.ts';
import { PriorityClassSchema } from '../calling/CallingRule.ts';
import { estimateForNewTicket } from '../wait/estimateWait.ts';
import type { HallState } from './HallState.ts';
import { servedCategories } from '../staffing/WindowAssignment.ts';

/**
 * What a call board needs to draw the whole hall from nothing: sent retained, so a board that
 * restarts or reconnects renders at once. Versioned like every message that crosses MQTT.
 */
export const CallRecordSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  categoryId: z.string(),
  windowId: z.string(),
  windowNumber: z.number(),
  at: z.string(),
  recall: z.boolean(),
  /** The ticket's class, so a board marks 绿色通道 (absent in older snapshots: normal). */
  priority: PriorityClassSchema.optional(),
});

export const HallSnapshotSchema = z.object({
  v: z.literal(1),
  hallId: z.string(),
  hallName: z.string(),
  at: z.string(),
  /** Count of events behind this snapshot: a board ignores a snapshot older than what it shows. */
  eventCount: z.number().int(),
  categories: z.array(
    z.object({
      id: z.string(),
      zoneId: z.string(),
      name: z.string(),
      prefix: z.string(),
      waiting: z.number().int(),
      estimatedWaitMinutes: z.number().nullable(),
      lastCalled: z.string().nullable(),
      /** 繁體/English names from the hall definition (boards fall back to `name`). */
      i18n: NameTranslationsSchema.optional(),
    }),
  ),
  windows: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      zoneId: z.string(),
      status: z.enum(['closed', 'open', 'paused']),
      staffName: z.string().nullable(),
      currentTicket: z.string().nullable(),
      /** The class of the ticket at the counter: window strips mark 绿色通道 (absent in older snapshots). */
      currentPriority: PriorityClassSchema.nullable().optional(),
      waitingHere: z.number().int(),
      /** Categories the window serves (a zone board lists them all, not only its zone's own). */
      categoryIds: z.array(z.string()).optional(),
    }),
  ),
  recentCalls: z.array(CallRecordSchema),
});
export type HallSnapshot = z.infer<typeof HallSnapshotSchema>;

export function hallSnapshot(s: HallState, at: string): HallSnapshot {
  const hall = s.config.catalog.hall;
  return {
    v: 1,
    hallId: hall.id,
    hallName: hall.name,
    at,
    eventCount: s.eventCount,
    categories: s.config.catalog.categories.map((c) => ({
      id: c.id,
      zoneId: c.zoneId,
      name: c.name,
      prefix: c.prefix,
      waiting: s.lines.categoryCount(c.id),
      estimatedWaitMinutes: estimateForNewTicket(s, c.id, 'normal').minutes,
      lastCalled: s.lastCalledByCategory.get(c.id)?.number ?? null,
      ...(c.i18n ? { i18n: c.i18n } : {}),
    })),
    windows: [...s.windows.values()].map((w) => ({
      id: w.config.id,
      number: w.config.number,
      zoneId: w.config.zoneId,
      status: w.status,
      staffName: w.staff?.name ?? null,
      currentTicket: w.currentTicketId ? (s.tickets.get(w.currentTicketId)?.number ?? null) : null,
      currentPriority: w.currentTicketId ? (s.tickets.get(w.currentTicketId)?.priority ?? null) : null,
      categoryIds: [...servedCategories(w)],
      waitingHere: servedCategories(w).reduce(
        (n, c) => n + s.lines.categoryCount(c),
        s.lines.windowCount(w.config.id),
      ),
    })),
    recentCalls: s.recentCalls.map((r) => ({ ...r })),
  };
}

/**
 * A canonical JSON of everything the hall knows, for "replay gives the same hall" checks and for
 * comparing the center's state before and after a restart.
 */
export function hallFingerprint(s: HallState): string {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({
    windows: sorted(s.windows).map(([id, w]) => [
      id,
      w.status,
      w.staff,
      w.pauseReason,
      w.currentTicketId,
      w.round,
      w.assignment ?? null,
    ]),
    tickets: sorted(s.tickets),
    waiting: s.config.catalog.categories.map((c) => s.lines.categoryCount(c.id)),
    numbering: sorted(s.numbering).map(([k, n]) => [
      k,
      n.nextFrom,
      n.blocks,
      [...n.used].sort((a, b) => a - b),
    ]),
    ratings: sorted(s.ratings),
    evaluations: sorted(s.evaluations),
    followUps: sorted(s.followUps),
    handling: sorted(s.handlingSeconds),
    recentCalls: s.recentCalls,
    eventCount: s.eventCount,
    closedThrough: s.closedThrough,
  });
}
