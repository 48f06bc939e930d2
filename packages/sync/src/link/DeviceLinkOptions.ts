// What a device's link to the center is built from: its store, broker, identity, TLS trust and tuning.
import type { IClientOptions } from 'mqtt';
import type { DeviceStore } from '../store/DeviceStore.ts';
import type { BackoffOptions } from './Backoff.ts';
import type { Logger } from '../Logger.ts';

export interface DeviceLinkOptions {
  store: DeviceStore;
  /** Broker URL, e.g. `mqtt://10.0.0.2:1883` or `mqtts://…`. */
  url: string;
  hallId: string;
  deviceId: string;
  /** Defaults to deviceId (the ACL in docs/protocol.md relies on it). */
  username?: string;
  password?: string;
  /** 4 = MQTT 3.1.1, 5 = MQTT 5 (default 4: works with every broker). */
  protocolVersion?: 4 | 5;
  /**
   * The hall's own CA for `mqtts://` (and `wss://`) URLs: the broker's certificate must chain to
   * `ca` (PEM text, one or more certificates). Node and Electron do not read the OS trust store, so
   * this is how a device trusts its hall's broker. `servername`: the name the certificate is checked
   * against when the URL holds an address the certificate does not name. Verification is always on.
   */
  tls?: { ca: string; servername?: string };
  /** Extra mqtt.js options (client certificates, …); identity, session, will and TLS checking are set by the link. */
  mqtt?: Partial<IClientOptions>;
  batchSize?: number;
  maxBatchBytes?: number;
  maxInflightBatches?: number;
  ackTimeoutMs?: number;
  heartbeatMs?: number;
  /** The app's health object for heartbeats (printer paper, reader state, …). No personal data. */
  health?: () => unknown;
  backoff?: BackoffOptions;
  logger?: Logger;
}
