// What the center's parts (and the modules in modules.ts) get to work with.
import type { Database } from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import type { Logger } from '@hallkit/sync';
import type { Accounts } from './auth/Accounts.ts';
import type { AuditLog } from './auth/AuditLog.ts';
import type { HallService } from './hall/HallService.ts';
import type { HallBroadcaster } from './hall/HallBroadcaster.ts';
import type { LiveFeed } from './http/LiveFeed.ts';
import type { TicketDesk } from './requests/TicketDesk.ts';
import type { TicketTokens } from './requests/TicketTokens.ts';
import type { DeviceRegistry } from './provisioning/DeviceRegistry.ts';
import type { Fleet } from './provisioning/Fleet.ts';
import type { ConfigVersions } from './provisioning/ConfigVersions.ts';
import type { QueueSamples } from './hall/QueueSamples.ts';
import type { DeviceEventIngest } from './ingest/DeviceEventIngest.ts';
import type { HallEditor } from './hall/definition/HallEditor.ts';
import type { HallDefinitions } from './hall/definition/HallDefinitions.ts';
import type { BrokerCredentials } from './broker/MosquittoPasswords.ts';
import type { Staffing } from './staffing/Staffing.ts';
import type { CenterSecrets } from './secrets/CenterSecrets.ts';
import type { CenterBackups } from './backups/CenterBackups.ts';

export interface CenterContext {
  db: Database;
  mqtt: MqttClient;
  /** The MQTT URL devices should use (given to them at enrolment). */
  deviceMqttUrl: string;
  /** The hall CA (PEM) devices check the broker's certificate with; given at enrolment when set. */
  deviceMqttCa?: string;
  /** Base URL citizens' phones reach the center at (ticket QR codes). */
  publicUrl: string;
  hall: HallService;
  /** Changes to the hall definition (check, save, roll back) and its version history. */
  editor: HallEditor;
  definitions: HallDefinitions;
  broadcaster: HallBroadcaster;
  desk: TicketDesk;
  tokens: TicketTokens;
  accounts: Accounts;
  audit: AuditLog;
  /** Who works at which window: log-in opens, 下班 closes, idle sessions time out (issue 14). */
  staffing: Staffing;
  registry: DeviceRegistry;
  fleet: Fleet;
  configs: ConfigVersions;
  samples: QueueSamples;
  ingest: DeviceEventIngest;
  live: LiveFeed;
  logger: Logger;
  now: () => Date;
  /** Keys and passwords from the secrets directory (never the database). */
  secrets: CenterSecrets;
  /** Scheduled online backups of center.sqlite. */
  backups: CenterBackups;
  /** An external Mosquitto's password file, kept in step with enrolment and revocation (unset: embedded broker). */
  brokerCredentials?: BrokerCredentials;
}
