// The center's own tables (namespace `center`). Append only; never edit a released migration.
// The hall's record is `hall_events`; the hall is rebuilt from it by replay at start. The other
// tables keep what is not a hall event: devices, sessions, audit, rejected device events, samples.
import type { Migration } from '@hallkit/sync';

export const CENTER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hall log, devices, enrolment, staff, sessions, audit, rejected events, tokens, config, samples',
    up: `
      CREATE TABLE hall_events (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        source TEXT NOT NULL,            -- 'center' or the device id whose outbox carried it
        body TEXT NOT NULL
      );
      CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        window_id TEXT,
        secret_hash TEXT,                -- scrypt of the MQTT password; NULL until enrolled
        state TEXT NOT NULL,             -- 'pending' | 'enrolled' | 'revoked'
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        enrolled_at INTEGER,
        revoked_at INTEGER
      );
      CREATE TABLE enrolment_codes (
        code_hash TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE TABLE staff (
        staff_no TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        window_id TEXT NOT NULL
      );
      CREATE TABLE admins (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,              -- 'staff' | 'admin'
        subject TEXT NOT NULL,           -- staff number or admin user name
        window_id TEXT,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE audit (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      );
      CREATE TABLE rejected_events (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        event_type TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE TABLE ticket_tokens (
        token TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL UNIQUE
      );
      CREATE TABLE config_versions (
        scope TEXT NOT NULL,             -- 'hall' or a device id
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        PRIMARY KEY (scope, kind)
      );
      CREATE TABLE queue_samples (
        at INTEGER NOT NULL,
        category_id TEXT NOT NULL,
        waiting INTEGER NOT NULL,
        wait_minutes INTEGER,
        PRIMARY KEY (at, category_id)
      );
      CREATE TABLE device_status (
        device_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        last_heartbeat_at INTEGER,
        body TEXT NOT NULL
      );
    `,
  },
];
