// The hall CA the center hands to devices at enrolment (HALLKIT_DEVICE_MQTT_CA_FILE), so they can
// check the broker's certificate on mqtts:// — Node and Electron do not use the OS trust store.
// Read once at start; a file that is not a certificate, or that holds a key, stops the center.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificate blocks of `file` as PEM text (nothing else from the file reaches a device). */
export function readDeviceMqttCa(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`HALLKIT_DEVICE_MQTT_CA_FILE ${file}: cannot read it (${(e as Error).message})`);
  }
  // Refused rather than stripped: a CA key next to the certificate means the wrong file was given.
  if (/PRIVATE KEY/.test(text)) throw new Error(`HALLKIT_DEVICE_MQTT_CA_FILE ${file}: holds a private key; give the CA certificate (ca.crt) only`);
  const blocks = text.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error(`HALLKIT_DEVICE_MQTT_CA_FILE ${file}: no PEM certificate in it`);
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch (e) {
      throw new Error(`HALLKIT_DEVICE_MQTT_CA_FILE ${file}: a certificate in it does not parse (${(e as Error).message})`);
    }
  }
  return `${blocks.join('\n')}\n`;
}
