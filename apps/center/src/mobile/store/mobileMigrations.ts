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
];
