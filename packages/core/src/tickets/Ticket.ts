import { z } from 'zod';
import type { PriorityClass } from '../calling/CallingRule.ts';

export const TICKET_SOURCES = ['on-site', 'id-card', 'appointment', 'remote'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const TicketSourceSchema = z.enum(TICKET_SOURCES);

/** 办结, 补正材料, 不予受理, 转办, 咨询; `unrecorded` when calling the next ticket closed it for staff. */
export const SERVICE_OUTCOMES = [
  'completed',
  'needs-supplement',
  'rejected',
  'referred',
  'consulted',
  'unrecorded',
] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];
export const ServiceOutcomeSchema = z.enum(SERVICE_OUTCOMES);

export type TicketStatus =
  | 'waiting'
  | 'called' // at a window now (also after recall)
  | 'held' // 挂起: set aside at a window, to be called back
  | 'no-show' // 过号
  | 'done'
  | 'cancelled';

/** One stretch of service at one window; a transferred ticket gets several. Rated one by one. */
export interface ServiceRecord {
  serviceId: string;
  windowId: string;
  staffId: string;
  categoryId: string;
  itemId: string | undefined;
  calledAt: string;
  finishedAt: string;
  outcome: ServiceOutcome;
}

export interface Ticket {
  id: string;
  number: string;
  seq: number;
  day: string;
  categoryId: string;
  /** The category whose prefix the number carries (a transfer or a move changes categoryId only). */
  issuedCategoryId?: string;
  itemId: string | undefined;
  source: TicketSource;
  priority: PriorityClass;
  issuerId: string;
  issuedAt: string;
  /** Its place in the line: the issue time, kept across transfers; moved only by a late re-queue. */
  queuedAt: string;
  status: TicketStatus;
  /** When set, only this window may call the ticket (transfer to a named window, 回呼 targets). */
  targetWindowId: string | undefined;
  /** Redirect-and-return: after service at the target, the ticket goes back to this window. */
  returnToWindowId: string | undefined;
  windowId: string | undefined;
  calledAt: string | undefined;
  recalls: number;
  noShowAt: string | undefined;
  appointmentId: string | undefined;
  services: ServiceRecord[];
  /** Set while the dispenser could not print the slip (paper out, cover open, printer gone). */
  unprinted?: 'paper-empty' | 'cover-open' | 'offline' | 'absent' | 'error';
}
