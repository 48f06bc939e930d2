import { fileURLToPath } from 'node:url';

/** The ACL file shipped for a hall's Mosquitto (device topics by %u, the center everywhere). */
export const ACL_FILE = fileURLToPath(new URL('../mosquitto/hallkit-acl.conf', import.meta.url));

export interface BrokerConfigOptions {
  /** Plain listener on loopback only (the center on the same host); omit to have none. */
  loopbackPort?: number;
  /** TLS listener for the devices of the hall network. */
  tls?: {
    port: number;
    host?: string;
    cafile: string;
    certfile: string;
    keyfile: string;
    requireClientCertificate?: boolean;
  };
  passwordFile: string;
  aclFile?: string;
}

/**
 * A Mosquitto configuration for one hall: no anonymous access, per-device passwords from
 * provisioning, the shipped ACL, and TLS for everything that leaves the host.
 */
export function mosquittoConfig(o: BrokerConfigOptions): string {
  const lines = [
    'per_listener_settings false',
    'allow_anonymous false',
    `password_file ${o.passwordFile}`,
    `acl_file ${o.aclFile ?? ACL_FILE}`,
    'persistence false',
    'max_queued_messages 10000',
    // A client announcing a huge packet is disconnected instead of buffered (issue 15; the center's
    // retained hall config is the largest message, far below).
    'max_packet_size 33554432',
    // Without it every small QoS 1 message and ack waits for Nagle + delayed ACK (~40 ms a round
    // trip): outbox drains measured 3× slower (docs/performance.md, sync-drain).
    'set_tcp_nodelay true',
  ];
  // A listener setting (placed before any listener it would open a default one on :1883): the client
  // id is the user name, so kiosk-1's password cannot connect as board-1 and knock it off (issue 15).
  const bindClientId = 'use_username_as_clientid true';
  if (o.loopbackPort !== undefined) lines.push(`listener ${o.loopbackPort} 127.0.0.1`, bindClientId);
  if (o.tls) {
    lines.push(
      `listener ${o.tls.port} ${o.tls.host ?? '0.0.0.0'}`,
      bindClientId,
      `cafile ${o.tls.cafile}`,
      `certfile ${o.tls.certfile}`,
      `keyfile ${o.tls.keyfile}`,
      'tls_version tlsv1.2',
      `require_certificate ${o.tls.requireClientCertificate ? 'true' : 'false'}`,
    );
  }
  return lines.join('\n') + '\n';
}
