// What the link tells the app about itself: its state and backlog, its last error, the outcome of a
// request, a config version it applied.
import type { ConfigScope } from '../config/ConfigStore.ts';
import type { Heartbeat } from '../protocol/messages.ts';

export type LinkState = 'stopped' | 'connecting' | 'online' | 'waiting';

export interface LinkStatus {
  state: LinkState;
  connected: boolean;
  backlog: Heartbeat['backlog'];
  inflightBatches: number;
  config: Record<string, number>;
  counters: Record<string, number>;
  connects: number;
  /** Why the last connection attempt failed (cleared on connect): `tls` = certificate/handshake. */
  lastError: LinkError | null;
}

export interface LinkError {
  kind: 'tls' | 'refused' | 'network';
  message: string;
  at: number;
}

export type RequestOutcome<T> =
  | { ok: true; body: T }
  | { ok: false; reason: 'offline' | 'timeout' | 'rejected'; error: string };

export interface ConfigApplied {
  scope: ConfigScope;
  kind: string;
  version: number;
  body: unknown;
}
