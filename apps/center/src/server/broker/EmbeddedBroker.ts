// The demo's broker, in the center's own process (aedes over TCP on 127.0.0.1): nothing else to
// install. Every client must log in (username = device id, password = its provisioned credential;
// the center has its own), and TopicAcl confines each device to its own topics.
import { createServer, type Server } from 'node:net';
import Aedes, { type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '@hallkit/sync';
import { maySubscribe, mayPublish, type MqttIdentity } from './TopicAcl.ts';

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
  ) {
    this.broker = new Aedes({
      authenticate: (client, username, password, done) => {
        const who = username && password ? this.authority.identify(username, password.toString('utf8')) : undefined;
        // Devices connect with client id = device id (protocol §2): one identity cannot pose as another.
        if (!who || (who.kind === 'device' && client.id !== who.deviceId)) {
          this.logger.warn('mqtt login refused', { clientId: client.id, username: username ?? null });
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
        this.logger.warn('mqtt publish refused', { clientId: client?.id ?? null, topic: packet.topic });
        cb(new Error('not authorized'));
      },
      authorizeSubscribe: (client, sub, cb) => {
        const who = this.identities.get(client);
        if (who && maySubscribe(who, this.hallId, sub.topic)) return cb(null, sub);
        this.logger.warn('mqtt subscribe refused', { clientId: client.id, topic: sub.topic });
        // Refuse this subscription only (SUBACK 0x80); the connection stays.
        cb(null, null);
      },
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    // No Nagle on device connections: request/response latency (ticket-issue) matters more than packets.
    const server = createServer((socket) => {
      socket.setNoDelay(true);
      this.broker.handle(socket);
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
