import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { Mosquitto, freePort } from '@hallkit/testkit';
import { serverCertificate, testCa } from '@hallkit/testkit/certificates';
import { mosquittoConfig } from '../src/index.ts';
import { brokerDir, passwordFile } from './brokerFiles.ts';

/** TLS to the broker with a locally made CA: the right CA connects, a wrong CA is refused. */
let broker: Mosquitto;
let tlsPort: number;
let certs: { ca: string; cert: string; key: string };
let otherCa: string;

beforeAll(async () => {
  const dir = brokerDir();
  const pw = passwordFile(dir, { 'kiosk-a': 'secret-a', center: 'center-secret' });
  const hallCa = testCa(dir, 'hall');
  certs = { ca: hallCa.ca, ...serverCertificate(dir, hallCa, 'broker') };
  otherCa = testCa(dir, 'stranger').ca;
  tlsPort = await freePort();
  broker = await Mosquitto.start({
    config: (port) =>
      mosquittoConfig({
        loopbackPort: port,
        passwordFile: pw,
        tls: { port: tlsPort, host: '127.0.0.1', cafile: certs.ca, certfile: certs.cert, keyfile: certs.key },
      }),
  });
}, 60_000);
afterAll(() => broker?.stop());

describe('TLS to the broker', () => {
  it('connects with the hall CA and carries a device event to the center', async () => {
    const opts = { ca: readFileSync(certs.ca), reconnectPeriod: 0 };
    const center = await mqtt.connectAsync(`mqtts://127.0.0.1:${tlsPort}`, {
      ...opts,
      clientId: 'center',
      username: 'center',
      password: 'center-secret',
    });
    const device = await mqtt.connectAsync(`mqtts://127.0.0.1:${tlsPort}`, {
      ...opts,
      clientId: 'kiosk-a',
      username: 'kiosk-a',
      password: 'secret-a',
    });
    const got = new Promise<string>((resolve) =>
      center.on('message', (t, p) => resolve(`${t} ${p.toString()}`)),
    );
    await center.subscribeAsync('hallkit/v1/yantai/dev/+/outbox', { qos: 1 });
    await device.publishAsync('hallkit/v1/yantai/dev/kiosk-a/outbox', 'over tls', { qos: 1 });
    expect(await got).toBe('hallkit/v1/yantai/dev/kiosk-a/outbox over tls');
    center.end(true);
    device.end(true);
  });

  it('refuses a server whose certificate is not signed by the configured CA', async () => {
    await expect(
      mqtt.connectAsync(`mqtts://127.0.0.1:${tlsPort}`, {
        ca: readFileSync(otherCa),
        username: 'kiosk-a',
        password: 'secret-a',
        reconnectPeriod: 0,
        connectTimeout: 5000,
      }),
    ).rejects.toThrow(/certificate|self.signed|verify/i);
  });
});
