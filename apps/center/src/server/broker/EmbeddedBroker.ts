// The demo's broker, in the center's own process (aedes over TCP on 127.0.0.1): nothing else to
// install. Every client must log in (username = device id, password = its provisioned credential;
// the center has its own), and TopicAcl confines each device to its own topics.
import { createServer, type Server } from 'node:net';
import Aedes, { type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '@hallkit/sync';
import { maySubscribe, mayPublish, type MqttIdentity } from './TopicAcl.ts';
import { DEFAULT_PACKET_LIMITS, PacketSizeGate, type PacketSizeLimits } from './PacketSizeGate.ts';

/** What the broker refused, for the admin's audit (not only the process log). */
export interface BrokerRefusal {
  reason: 'login' | 'publish' | 'subscribe' | 'packet-too-large' | 'protocol-version';
  clientId: string | null;
  username: string | null;
  address: string | null;
  topic?: string;
  detail?: string;
}

export interface EmbeddedBrokerOptions {
  packetLimits?: PacketSizeLimits;
  onRefused?: (r: BrokerRefusal) => void;
}

export interface BrokerAuthority {
  /** Who this username/password is, or undefined to refuse the connection. */
  identify(username: string, password: string): MqttIdentity | undefined;
}

export class EmbeddedBroker {
  private readonly identities = new WeakMap<Client, MqttIdentity>();
  private readonly broker: Aedes;
  private server: Server | undefined;
  port = 0;

  constructor(
    private readonly hallId: string,
    private readonly authority: BrokerAuthority,
    private readonly logger: Logger,
    private readonly o: EmbeddedBrokerOptions = {},
  ) {
    const refused = (r: BrokerRefusal) => {
      this.logger.warn(`mqtt ${r.reason} refused`, { ...r });
      try {
        this.o.onRefused?.(r);
      } catch (e) {
        this.logger.warn('broker refusal not recorded', { error: (e as Error).message });
      }
    };
    this.refused = refused;
    this.broker = new Aedes({
      authenticate: (client, username, password, done) => {
        const who = username && password ? this.authority.identify(username, password.toString('utf8')) : undefined;
        // Devices connect with client id = device id (protocol §2): one identity cannot pose as another.
        if (!who || (who.kind === 'device' && client.id !== who.deviceId)) {
          refused({ reason: 'login', clientId: client.id, username: username ?? null, address: addressOf(client), detail: who ? 'client id is not the device id' : 'bad username or password' });
          const err = new Error('bad username or password') as AuthenticateError;
          err.returnCode = 4;
          return done(err, false);
        }
        this.identities.set(client, who);
        done(null, true);
      },
      authorizePublish: (client, packet, cb) => {
        const who = client ? this.identities.get(client) : { kind: 'center' as const };
        if (who && mayPublish(who, this.hallId, packet.topic)) return cb(null);
        refused({ reason: 'publish', clientId: client?.id ?? null, username: who?.kind === 'device' ? who.deviceId : (who?.kind ?? null), address: client ? addressOf(client) : null, topic: packet.topic });
        cb(new Error('not authorized'));
      },
      authorizeSubscribe: (client, sub, cb) => {
        const who = this.identities.get(client);
        if (who && maySubscribe(who, this.hallId, sub.topic)) return cb(null, sub);
        refused({ reason: 'subscribe', clientId: client.id, username: who?.kind === 'device' ? who.deviceId : (who?.kind ?? null), address: addressOf(client), topic: sub.topic });
        // Refuse this subscription only (SUBACK 0x80); the connection stays.
        cb(null, null);
      },
    });
    // aedes speaks MQTT 3.1 and 3.1.1 only: an MQTT 5 CONNECT gets "unacceptable protocol version".
    const connectError = (client: Client | null, err: Error & { errorCode?: number }) => {
      if (err.errorCode === 1) refused({ reason: 'protocol-version', clientId: client?.id ?? null, username: null, address: client ? addressOf(client) : null, detail: 'the embedded broker speaks MQTT 3.1.1 (use protocolVersion 4, or Mosquitto for MQTT 5)' });
    };
    this.broker.on('connectionError', connectError);
    this.broker.on('clientError', connectError);
  }

  private readonly refused: (r: BrokerRefusal) => void;

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    // No Nagle on device connections: request/response latency (ticket-issue) matters more than packets.
    const limits = this.o.packetLimits ?? DEFAULT_PACKET_LIMITS;
    const server = createServer((socket) => {
      socket.setNoDelay(true);
      // Watches the same bytes aedes reads: a packet announcing more than its limit ends the connection.
      const client: Client = this.broker.handle(socket);
      const gate = new PacketSizeGate(
        () => {
          const who = this.identities.get(client);
          return !who ? limits.connect : who.kind === 'center' ? limits.center : limits.device;
        },
        (declared, limit) => {
          const who = this.identities.get(client);
          this.refused({ reason: 'packet-too-large', clientId: client.id ?? null, username: who?.kind === 'device' ? who.deviceId : (who?.kind ?? null), address: socket.remoteAddress ?? null, detail: `${declared} bytes announced, limit ${limit}` });
        },
      );
      socket.on('data', (chunk: Buffer) => {
        if (!gate.feed(chunk)) socket.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : port;
    return this.port;
  }

  /** Disconnect a revoked device at once (its credential no longer logs in). */
  kick(deviceId: string): void {
    const clients = (this.broker as unknown as { clients: Record<string, Client> }).clients;
    clients[deviceId]?.close();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function addressOf(client: Client): string | null {
  const conn = (client as unknown as { conn?: { remoteAddress?: string } }).conn;
  return conn?.remoteAddress ?? null;
}
