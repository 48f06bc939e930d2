// Throwaway TLS material for tests, made with openssl: a hall CA and broker certificates it signs.
// Files are world-readable in a world-readable folder: Mosquitto started as root drops to its own
// user before it reads them.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mosquitto } from './mosquitto.ts';
import { freePort, waitForPort } from './ports.ts';

export interface TestCa {
  /** The CA certificate file (Mosquitto's `cafile`). */
  ca: string;
  /** The same certificate as PEM text (what a device is given). */
  pem: string;
  key: string;
}

export function certificateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-certs-'));
  chmodSync(dir, 0o755);
  return dir;
}

const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

/** A self-signed CA valid for two days. */
export function testCa(dir: string, name = 'ca'): TestCa {
  const p = (f: string) => join(dir, `${name}-${f}`);
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=hallkit test ${name}`, '-keyout', p('ca.key'), '-out', p('ca.crt')]);
  chmodSync(p('ca.crt'), 0o644);
  return { ca: p('ca.crt'), pem: readFileSync(p('ca.crt'), 'utf8'), key: p('ca.key') };
}

/** A server certificate signed by `ca` for the given subjectAltName (default: 127.0.0.1 and localhost). */
export function serverCertificate(dir: string, ca: TestCa, name: string, san = 'IP:127.0.0.1,DNS:localhost'): { cert: string; key: string } {
  const p = (f: string) => join(dir, `${name}-${f}`);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', p('server.key'), '-out', p('server.csr')]);
  writeFileSync(p('ext.cnf'), `subjectAltName=${san}\n`);
  run(['x509', '-req', '-in', p('server.csr'), '-CA', ca.ca, '-CAkey', ca.key, '-CAcreateserial', '-days', '2', '-extfile', p('ext.cnf'), '-out', p('server.crt')]);
  for (const f of ['server.crt', 'server.key']) chmodSync(p(f), 0o644);
  return { cert: p('server.crt'), key: p('server.key') };
}

/** mosquitto.conf lines for a TLS listener on 127.0.0.1 with a certificate `ca` signed (devices need no client certificate). */
export function tlsListener(port: number, ca: TestCa, cert: { cert: string; key: string }): string[] {
  return [`listener ${port} 127.0.0.1`, `cafile ${ca.ca}`, `certfile ${cert.cert}`, `keyfile ${cert.key}`, 'tls_version tlsv1.2', 'require_certificate false'];
}

/**
 * A Mosquitto as a hall runs it (docs/operations.md): a plain loopback listener (`broker.url`, the
 * center's) and a TLS listener (`tlsUrl`, the devices') whose certificate the hall CA signed.
 * Anonymous: these tests are about trust in the broker, not device passwords.
 */
export async function startTlsMosquitto(): Promise<{ broker: Mosquitto; tlsUrl: string; ca: TestCa; dir: string }> {
  const dir = certificateDir();
  const ca = testCa(dir, 'hall');
  const cert = serverCertificate(dir, ca, 'broker');
  const tlsPort = await freePort();
  const broker = await Mosquitto.start({
    config: (port) =>
      [
        'per_listener_settings false',
        'allow_anonymous true',
        'persistence false',
        'set_tcp_nodelay true',
        `listener ${port} 127.0.0.1`,
        ...tlsListener(tlsPort, ca, cert),
      ].join('\n') + '\n',
  });
  await waitForPort(tlsPort);
  return { broker, tlsUrl: `mqtts://127.0.0.1:${tlsPort}`, ca, dir };
}
