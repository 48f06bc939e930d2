// The mobile module's own tables (namespace `mobile`) in the center's SQLite file. Append only.
// No full ID number is ever stored: only a keyed hash (to match) and the masked form (to show).
import type { Migration } from '@hallkit/sync';

export const MOBILE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'slot plans, bookings, remote tickets, login codes, sessions, cases, meta',
    up: `
      CREATE TABLE m_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE m_slot_plans (
        category_id TEXT PRIMARY KEY,
        body TEXT NOT NULL,              -- SlotPlan JSON (v: 1)
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE m_bookings (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,       -- shown under the booking QR, typed or scanned at a kiosk
        manage_token TEXT NOT NULL UNIQUE, -- the booking page's link (128-bit)
        phone TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        category_id TEXT NOT NULL,
        item_id TEXT,
        day TEXT NOT NULL,
        slot_from INTEGER NOT NULL,
        slot_to INTEGER NOT NULL,
        status TEXT NOT NULL,            -- 'booked' | 'checked-in' | 'cancelled'
        ticket_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX m_bookings_slot ON m_bookings (category_id, day, slot_from, status);
      CREATE INDEX m_bookings_holder ON m_bookings (id_hash, day);
      CREATE INDEX m_bookings_phone ON m_bookings (phone);
      CREATE TABLE m_remote_tickets (
        ticket_id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        category_id TEXT NOT NULL,
        phone TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX m_remote_quota ON m_remote_tickets (day, category_id);
      CREATE INDEX m_remote_holder ON m_remote_tickets (id_hash, day, category_id);
      CREATE TABLE m_login_codes (
        phone TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        sent_at INTEGER NOT NULL
      );
      CREATE TABLE m_sessions (
        token_hash TEXT PRIMARY KEY,
        phone TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE m_cases (
        receipt_code TEXT PRIMARY KEY,
        id_hash TEXT NOT NULL,
        body TEXT NOT NULL               -- ApplicationCase JSON (v: 1), applicant masked
      );
      CREATE INDEX m_cases_holder ON m_cases (id_hash);
    `,
  },
  {
    version: 2,
    name: 'SMS outbox',
    up: `
      CREATE TABLE m_sms_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_key TEXT NOT NULL UNIQUE,  -- one message per event, ever (idempotency key)
        phone TEXT NOT NULL,
        purpose TEXT NOT NULL,           -- SmsPurpose
        params TEXT NOT NULL,            -- JSON array; a secret (login code) is blanked once settled
        secret INTEGER NOT NULL,
        status TEXT NOT NULL,            -- 'pending' | 'sending' | 'sent' | 'failed' | 'expired' | 'unknown'
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        expires_at INTEGER,              -- not worth sending after this (a login code's life)
        created_at INTEGER NOT NULL,
        settled_at INTEGER,
        serial_no TEXT,
        last_code TEXT,
        last_error TEXT,
        config_fault INTEGER NOT NULL DEFAULT 0  -- 1: the hall's SMS settings are wrong (shown to the admin)
      );
      CREATE INDEX m_sms_due ON m_sms_outbox (status, next_at);
      CREATE INDEX m_sms_phone ON m_sms_outbox (phone, status, settled_at);
    `,
  },
  {
    version: 3,
    name: 'SMS reminders: tickets and appointments whose holder asked for them',
    up: `
      CREATE TABLE m_reminders (
        ticket_id TEXT PRIMARY KEY,
        phone TEXT NOT NULL,
        ahead INTEGER NOT NULL,          -- 1: 「前面还有 N 人」 wanted (and more than N were ahead when asked)
        called INTEGER NOT NULL,         -- 1: 叫号 wanted
        source TEXT NOT NULL,            -- 'remote' | 'booking' | 'kiosk' | 'door'
        settled INTEGER NOT NULL DEFAULT 0, -- 1: nothing more to send (called, done, cancelled)
        created_at INTEGER NOT NULL
      );
      CREATE INDEX m_reminders_open ON m_reminders (settled);
      ALTER TABLE m_bookings ADD COLUMN remind INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    name: 'case feed from the 政务服务平台, 证照寄送 requests',
    up: `
      CREATE TABLE m_case_feed (
        receipt_code TEXT PRIMARY KEY,
        updated_at TEXT NOT NULL,        -- the platform's updatedAt: older records are ignored
        received_at INTEGER NOT NULL,
        via TEXT NOT NULL                -- 'push' | 'pull'
      );
      CREATE TABLE m_case_mailing (
        receipt_code TEXT PRIMARY KEY,
        phone TEXT NOT NULL,             -- the logged-in phone that asked
        recipient TEXT NOT NULL,
        recipient_phone TEXT NOT NULL,
        address TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        collected_at INTEGER             -- when the platform took the request
      );
    `,
  },
  {
    version: 5,
    name: "bookings by ticket (the 好差评 feed's applicant of a checked-in booking)",
    up: `CREATE INDEX m_bookings_ticket ON m_bookings (ticket_id);`,
  },
];
