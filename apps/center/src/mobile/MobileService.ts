// The phone side of the center, composed: login, remote tickets, appointments, kiosk check-in,
// progress cases, following a ticket and rating it later. HTTP and MQTT adapters sit on top.
import type { Database } from 'better-sqlite3';
import type { Logger } from '@hallkit/sync';
import { RateLimiter } from '../server/access/RateLimiter.ts';
import { AppointmentCheckIn } from './appointments/AppointmentCheckIn.ts';
import { Bookings, defaultBookingLimits, type BookingLimits } from './appointments/Bookings.ts';
import { SlotPlans } from './appointments/SlotPlans.ts';
import { CaseBook } from './cases/CaseBook.ts';
import { demoCases } from './cases/demoCases.ts';
import { TicketFollow } from './follow/TicketFollow.ts';
import type { FollowLinks, HallAccess } from './HallAccess.ts';
import type { CodeSender } from './identity/CodeSender.ts';
import { IdHasher } from './identity/idNumber.ts';
import { IdHashKeys } from '../server/secrets/IdHashKeys.ts';
import { PhoneLogin, type PhoneLoginOptions } from './identity/PhoneLogin.ts';
import { defaultRemoteLimits, RemoteTickets, type RemoteLimits } from './remote/RemoteTickets.ts';
import type { SmsOutbox } from './sms/SmsOutbox.ts';
import { TicketReminders } from './reminders/TicketReminders.ts';
import { BookingReminders } from './reminders/BookingReminders.ts';
import { CaseFeedIntake } from './cases/feed/CaseFeedIntake.ts';
import { CaseFeedPuller } from './cases/feed/CaseFeedPuller.ts';
import type { CaseFeedConfig } from './cases/feed/CaseFeedSettings.ts';

export interface MobileServiceOptions {
  db: Database;
  hall: HallAccess;
  links: FollowLinks;
  /** Base URL of the phone pages (the center's public URL). */
  publicUrl: string;
  codeSender: CodeSender;
  /** Every SMS (log-in codes when a provider is configured, reminders) goes through it. */
  sms: SmsOutbox;
  logger: Logger;
  now?: () => number;
  remoteLimits?: Partial<RemoteLimits>;
  bookingLimits?: Partial<BookingLimits>;
  login?: Partial<PhoneLoginOptions>;
  /** Put the demo progress cases in an empty case book (tests; the demo gets its cases through the feed). */
  demoCases?: boolean;
  /** The 政务服务平台's case feed (push and/or pull). */
  caseFeed?: CaseFeedConfig;
  /** The ID-hash key ring (CenterSecrets; unit tests: a fresh one). */
  idKeys?: IdHashKeys;
}

export class MobileService {
  readonly ids: IdHasher;
  readonly plans: SlotPlans;
  readonly bookings: Bookings;
  readonly remote: RemoteTickets;
  readonly follow: TicketFollow;
  readonly cases: CaseBook;
  readonly login: PhoneLogin;
  readonly checkIn: AppointmentCheckIn;
  readonly limiter: RateLimiter;
  readonly now: () => number;
  readonly sms: SmsOutbox;
  readonly reminders: TicketReminders;
  readonly bookingReminders: BookingReminders;
  readonly caseFeed: CaseFeedIntake;
  readonly casePuller: CaseFeedPuller | undefined;

  constructor(readonly o: MobileServiceOptions) {
    this.now = o.now ?? Date.now;
    this.sms = o.sms;
    this.reminders = new TicketReminders(o.db, o.hall, o.sms, this.now);
    this.bookingReminders = new BookingReminders(o.db, o.hall, o.sms, this.now);
    this.ids = new IdHasher(o.idKeys ?? IdHashKeys.fresh(new Date(this.now())));
    this.plans = new SlotPlans(o.db);
    this.bookings = new Bookings(o.db, this.plans, this.ids, () => o.hall.state, { ...defaultBookingLimits, ...o.bookingLimits });
    this.remote = new RemoteTickets(o.db, o.hall, this.ids, { ...defaultRemoteLimits, ...o.remoteLimits });
    this.follow = new TicketFollow(o.hall);
    this.cases = new CaseBook(o.db, this.ids, o.caseFeed?.secrets.idHashKey);
    this.caseFeed = new CaseFeedIntake(o.db, o.logger, this.now);
    const pull = o.caseFeed?.settings.pull;
    this.casePuller = pull && o.caseFeed ? new CaseFeedPuller(o.db, this.caseFeed, { url: pull.url, token: o.caseFeed.secrets.token, everyMs: pull.everySeconds * 1000, timeoutMs: pull.timeoutSeconds * 1000 }, o.logger, this.now) : undefined;
    this.login = new PhoneLogin(o.db, o.codeSender, this.now, o.login);
    this.limiter = new RateLimiter(this.now);
    this.checkIn = new AppointmentCheckIn(o.hall, this.bookings, this.plans, { tokenFor: (id) => o.links.tokenFor(id), ticketFor: (t) => o.links.ticketFor(t), followUrl: (id) => this.followUrl(id) }, o.logger, this.now);
    if (o.demoCases && this.cases.count() === 0) {
      for (const c of demoCases(this.now())) this.cases.put(c.case, c.idNumber);
    }
  }

  /** A booking checked in at a kiosk: its ticket gets the reminders the booker asked for. */
  remindCheckedIn(ticketId: string): void {
    const b = this.bookings.byTicket(ticketId);
    if (b?.remind === 1) this.reminders.subscribe(ticketId, b.phone, { ahead: true, called: true }, 'booking');
  }

  followPath(ticketId: string): string {
    return `/m/t/${this.o.links.tokenFor(ticketId)}`;
  }

  /** What a ticket's QR code opens (a booking checked in at a kiosk prints it): marked as a QR link. */
  followUrl(ticketId: string): string {
    return `${this.o.publicUrl.replace(/\/$/, '')}${this.o.links.qrPath?.(ticketId) ?? this.followPath(ticketId)}`;
  }
}
