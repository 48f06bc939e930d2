// The kiosk's bridge between renderer and host: every method and event, with zod schemas. Imported by
// both sides; imports only zod, core's schemas and the host's contract helper.
import { z } from 'zod';
import { ApplicationCaseSchema, NameTranslationsSchema } from '@hallkit/core';
import { defineContract } from '@hallkit/host/contract';
import { RateServiceInputSchema, RateServiceResultSchema, RatingLookupSchema, ReminderInputSchema, ReminderResultSchema } from './citizenContract.ts';

export const LanguageSchema = z.enum(['zh-CN', 'zh-TW', 'en']);

/** Device paths are hidden when their device is absent; the printer's state picks the ticket path. */
export const PrinterStateSchema = z.enum(['ready', 'paper-empty', 'cover-open', 'offline', 'absent']);
export const InputDeviceStateSchema = z.enum(['ready', 'offline', 'absent']);

export const CategoryTileSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  prefix: z.string(),
  /** null until the center's snapshot has arrived. */
  waiting: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  open: z.boolean(),
  /** 繁體/English names from the hall definition (the screen falls back to `name`). */
  i18n: NameTranslationsSchema.optional(),
});
export type CategoryTile = z.infer<typeof CategoryTileSchema>;

export const KioskStateSchema = z.object({
  v: z.literal(1),
  hallName: z.string(),
  hallNameI18n: NameTranslationsSchema.optional(),
  /** The hall's IANA time zone: times are shown in hall time, whatever the kiosk PC's clock zone. */
  timeZone: z.string(),
  zones: z.array(z.object({ id: z.string(), name: z.string(), location: z.string().optional(), i18n: NameTranslationsSchema.optional(), locationI18n: NameTranslationsSchema.optional() })),
  categories: z.array(CategoryTileSchema),
  /** Service items (事项), searchable by name with the pinyin keyboard. */
  items: z.array(z.object({ id: z.string(), name: z.string(), categoryId: z.string(), i18n: NameTranslationsSchema.optional() })),
  devices: z.object({ printer: PrinterStateSchema, reader: InputDeviceStateSchema, scanner: InputDeviceStateSchema }),
  /** The center link: when false the kiosk issues from its offline number block and shows a discreet mark. */
  centerOnline: z.boolean(),
  /** Unsynced events (offline tickets) still on this kiosk. */
  backlog: z.number().int(),
  /** Elder mode is switched on automatically for card holders at or above this age. */
  elderAge: z.number().int(),
  idleSeconds: z.number().int().positive(),
  /** When the snapshot behind the live counts was made (ISO), null before the first. */
  snapshotAt: z.string().nullable(),
  /** 现场扫码取号: the hall's current door code for the idle screen (null when off or unknown). */
  door: z.object({ url: z.string(), changesAt: z.string() }).nullable().optional(),
  /** 实施部门 → its 繁體/English, for the departments a looked-up case names (absent: none translated). */
  departmentsI18n: z.record(z.string(), NameTranslationsSchema).optional(),
});
export type KioskState = z.infer<typeof KioskStateSchema>;

export const PrintOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), jobId: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['paper-empty', 'cover-open', 'offline', 'absent', 'error']), jobId: z.string().optional() }),
]);
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;

export const IssuedTicketSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  zoneName: z.string(),
  location: z.string().optional(),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().nullable(),
  followUrl: z.string(),
  issuedAt: z.string(),
  offline: z.boolean(),
  priority: z.boolean(),
  /** 绿色通道 (a priority ticket by the hall's green-channel policy), not an appointment. */
  green: z.boolean().optional(),
});
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

export const TicketResultSchema = z.object({ ticket: IssuedTicketSchema, print: PrintOutcomeSchema });
export type TicketResult = z.infer<typeof TicketResultSchema>;

/** A card read: the full number stays in the host, the renderer gets a session handle and masked data. */
export const CardReadSchema = z.object({
  session: z.string(),
  maskedNumber: z.string(),
  /** Surname and a mask (张**): enough for a greeting. */
  greetingName: z.string(),
  age: z.number().int().nullable(),
  elder: z.boolean(),
  /** When it was read (ms since the epoch): the bridge replays the last event to a reloaded page. */
  at: z.number(),
});
export type CardRead = z.infer<typeof CardReadSchema>;

export const CheckInRefusalSchema = z.enum(['not-found', 'wrong-hall', 'wrong-day', 'too-early', 'too-late', 'already-used', 'cancelled', 'center-offline', 'error']);
export type CheckInRefusal = z.infer<typeof CheckInRefusalSchema>;

export const CheckInResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), ticket: IssuedTicketSchema, print: PrintOutcomeSchema, slot: z.string() }),
  z.object({ ok: z.literal(false), reason: CheckInRefusalSchema, opensAt: z.string().optional(), slot: z.string().optional() }),
]);
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

export const LookupResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), cases: z.array(ApplicationCaseSchema).min(1) }),
  z.object({ ok: z.literal(false), reason: z.enum(['not-found', 'center-offline', 'error']) }),
]);
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const TechnicianStatusSchema = z.object({
  deviceId: z.string(),
  hallId: z.string(),
  printer: z.object({ state: PrinterStateSchema, address: z.string().nullable(), summary: z.string() }),
  reader: z.object({ state: InputDeviceStateSchema, address: z.string().nullable() }),
  scanner: z.object({ state: InputDeviceStateSchema, address: z.string().nullable() }),
  link: z.object({ state: z.string(), backlog: z.number().int(), configVersions: z.record(z.string(), z.number()) }),
  offlineNumbers: z.array(z.object({ categoryId: z.string(), remaining: z.number().int() })),
});
export type TechnicianStatus = z.infer<typeof TechnicianStatusSchema>;

const CodeInput = z.string().trim().min(1).max(512);

/** 过号重排 by the ticket's QR code: back in line (with the place it got), or why not, in the kiosk's words. */
export const RequeueResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), number: z.string(), peopleAhead: z.number().int().nonnegative(), estimatedWaitMinutes: z.number().nullable(), placement: z.enum(['keep', 'end']) }),
  z.object({ ok: z.literal(false), reason: z.enum(['not-no-show', 'too-late', 'not-allowed', 'not-found', 'center-offline', 'error']), number: z.string().optional() }),
]);
export type RequeueResult = z.infer<typeof RequeueResultSchema>;
const Ok = z.object({ ok: z.boolean() });

export const kioskContract = defineContract({
  name: 'kiosk',
  version: 1,
  methods: {
    /** Take a ticket for a category: online from the center, offline from the kiosk's own block. */
    takeTicket: {
      input: z.object({ categoryId: z.string(), itemId: z.string().optional(), cardSession: z.string().optional(), language: LanguageSchema }),
      output: TicketResultSchema,
    },
    /** Print an already issued ticket again (after paper was loaded). */
    reprintTicket: { input: z.object({ ticketId: z.string(), language: LanguageSchema }), output: PrintOutcomeSchema },
    /** Appointment check-in by the booking code (typed or scanned) or by the card just read. */
    checkIn: {
      input: z.object({ code: CodeInput.optional(), cardSession: z.string().optional(), language: LanguageSchema }),
      output: CheckInResultSchema,
    },
    /** A 过号 citizen scanned their ticket's QR code: put it back in line if the hall's rule allows. */
    requeueTicket: { input: z.object({ code: CodeInput }), output: RequeueResultSchema },
    /** 大厅评价机: the services of a scanned ticket that may be rated here (or why not). */
    lookupRating: { input: z.object({ code: CodeInput }), output: RatingLookupSchema },
    /** Rate one service of the scanned ticket (channel: a hall terminal). */
    rateService: { input: RateServiceInputSchema, output: RateServiceResultSchema },
    /** SMS reminders for the ticket just taken here (optional, never needed for a ticket). */
    subscribeReminder: { input: ReminderInputSchema, output: ReminderResultSchema },
    /** Progress look-up by receipt code or by the card just read. */
    lookupCase: { input: z.object({ receiptCode: CodeInput.optional(), cardSession: z.string().optional() }), output: LookupResultSchema },
    printCase: { input: z.object({ receiptCode: CodeInput, language: LanguageSchema }), output: PrintOutcomeSchema },
    /** Voice guidance (elder mode); the host's voice can be swapped (clips, TTS engine, a test recorder). */
    speak: { input: z.object({ text: z.string().min(1).max(500), language: LanguageSchema }), output: Ok },
    /** Forget the card of a session (the session ended or timed out). */
    endSession: { input: z.object({ cardSession: z.string().optional() }), output: Ok },
    technicianUnlock: { input: z.object({ pin: z.string().max(16) }), output: z.object({ ok: z.boolean(), token: z.string().optional(), retryAfterSeconds: z.number().int().positive().optional() }) },
    technicianStatus: { input: z.object({ token: z.string() }), output: TechnicianStatusSchema },
    technicianTestPrint: { input: z.object({ token: z.string() }), output: PrintOutcomeSchema },
    technicianReloadConfig: { input: z.object({ token: z.string() }), output: Ok },
  },
  events: {
    state: KioskStateSchema,
    card: CardReadSchema,
    /** A code read by the scanner: the screen that expects a code takes it. */
    scan: z.object({ code: z.string(), at: z.number() }),
    /** The card reader saw a card it could not read. */
    cardError: z.object({ at: z.number() }),
    /** A card was read but may not be used (core's one ID rule): the reason, never the number. */
    cardRefused: z.object({ problem: z.enum(['format', 'check-character', 'birth-date', 'birth-date-mismatch', 'expired', 'not-yet-valid']), at: z.number() }),
  },
});
export type KioskContract = typeof kioskContract;
