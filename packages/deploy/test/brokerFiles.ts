import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A world-readable folder for broker files: Mosquitto started as root drops to its own user before
 * it reads the password file, ACL and certificates.
 */
export function brokerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-broker-'));
  chmodSync(dir, 0o755);
  return dir;
}

export function passwordFile(dir: string, users: Record<string, string>): string {
  const file = join(dir, 'passwd');
  writeFileSync(file, '');
  for (const [user, password] of Object.entries(users))
    execFileSync('mosquitto_passwd', ['-b', file, user, password]);
  chmodSync(file, 0o644);
  return file;
}

/** A throwaway CA and a server certificate for 127.0.0.1, made with openssl. */
export function testCertificates(dir: string, name = 'ca'): { ca: string; cert: string; key: string } {
  const p = (f: string) => join(dir, `${name}-${f}`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=hallkit test ${name}`,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.crt'),
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    p('server.key'),
    '-out',
    p('server.csr'),
  ]);
  writeFileSync(p('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.crt'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    p('ext.cnf'),
    '-out',
    p('server.crt'),
  ]);
  for (const f of ['ca.crt', 'server.crt', 'server.key']) chmodSync(p(f), 0o644);
  return { ca: p('ca.crt'), cert: p('server.crt'), key: p('server.key') };
}
