// The center's settings from the environment (and `--key=value` arguments, which win).
import { readHallFile, shippedHallFile } from './hall/definition/HallFile.ts';
import { z } from 'zod';
import type { CenterOptions } from './Center.ts';
import { DEFAULT_REQUEST_LIMITS } from './access/DeviceAccess.ts';
import { readDeviceMqttCa } from './broker/DeviceMqttCa.ts';

const DeviceRequestLimitsSchema = z.record(z.string(), z.object({ burst: z.number().positive(), perMinute: z.number().positive() }));

export function centerSettings(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): CenterOptions {
  const args = new Map(argv.filter((a) => a.startsWith('--')).map((a) => {
    const [k, ...v] = a.slice(2).split('=');
    return [k as string, v.join('=')] as const;
  }));
  const get = (arg: string, name: string) => args.get(arg) ?? env[name];
  const http = new URL(get('http', 'HALLKIT_CENTER_HTTP') ?? 'http://127.0.0.1:8080');
  const mqttUrl = get('mqtt', 'HALLKIT_MQTT_URL');
  // One setting: HALLKIT_MQTT_URL alone means "the hall's broker is there" (external). Without it the
  // center starts its embedded broker; HALLKIT_EMBEDDED_BROKER=1 starts that on the URL's port instead
  // (the demo), =0 insists on an external one.
  const embeddedSetting = get('embedded-broker', 'HALLKIT_EMBEDDED_BROKER');
  const embedded = embeddedSetting === undefined ? mqttUrl === undefined : embeddedSetting !== '0';
  // The hall definition: your own file, or one the product ships by name (the demo's halls).
  const hallFile = get('hall-file', 'HALLKIT_HALL_FILE') ?? shippedHallFile(get('hall', 'HALLKIT_HALL') ?? 'yantai');
  const hallConfig = readHallFile(hallFile);
  const embeddedPort = mqttUrl ? Number(new URL(mqttUrl).port || 1883) : 18830;
  const publicUrl = get('public-url', 'HALLKIT_PUBLIC_URL');
  const mqttPassword = get('mqtt-password', 'HALLKIT_MQTT_PASSWORD');
  // External Mosquitto: the password file the center maintains, and how the broker is told to re-read it.
  const passwordFile = get('mosquitto-password-file', 'HALLKIT_MOSQUITTO_PASSWORD_FILE');
  const pidFile = get('mosquitto-pid-file', 'HALLKIT_MOSQUITTO_PID_FILE');
  const reloadCommand = get('mosquitto-reload', 'HALLKIT_MOSQUITTO_RELOAD');
  // What enrolled devices are told: the broker as they reach it (e.g. mqtts://10.0.0.2:8883, not the
  // center's loopback listener) and the hall CA its certificate chains to.
  const deviceMqttUrl = get('device-mqtt', 'HALLKIT_DEVICE_MQTT_URL');
  const deviceMqttCaFile = get('device-mqtt-ca-file', 'HALLKIT_DEVICE_MQTT_CA_FILE');
  // The hall's reverse proxy (nginx in front of the phone pages): comma-separated addresses.
  const trustedProxies = (get('trusted-proxies', 'HALLKIT_TRUSTED_PROXIES') ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  // Per-device request limits (JSON: {"ticket-issue": {"burst": 20, "perMinute": 20}}), e.g. a hall whose
  // kiosks print faster, or a bench; unset: DEFAULT_REQUEST_LIMITS.
  const limits = get('device-request-limits', 'HALLKIT_DEVICE_REQUEST_LIMITS');
  const deviceRequestLimits = limits ? DeviceRequestLimitsSchema.parse(JSON.parse(limits)) : undefined;
  // Keys and passwords: files only the center's user reads (default <data>/secrets; docs/operations.md, 密钥).
  const secretsDir = get('secrets-dir', 'HALLKIT_SECRETS_DIR');
  // Scheduled backups of center.sqlite (docs/operations.md, 备份与恢复).
  const backupDir = get('backup-dir', 'HALLKIT_BACKUP_DIR');
  const backupEvery = get('backup-every-hours', 'HALLKIT_BACKUP_EVERY_HOURS');
  const backupKeep = get('backup-keep', 'HALLKIT_BACKUP_KEEP');
  const backups = {
    ...(backupDir ? { dir: backupDir } : {}),
    ...(backupEvery !== undefined ? { everyHours: z.coerce.number().min(0).max(24 * 7).parse(backupEvery) } : {}),
    ...(backupKeep !== undefined ? { keep: z.coerce.number().int().min(1).max(10_000).parse(backupKeep) } : {}),
  };
  // The built consoles; the bundle sets it to the web folder it ships.
  const webDir = get('web-dir', 'HALLKIT_WEB_DIR');
  // Several center processes on one broker share device work under the secret share group.
  const shared = get('mqtt-shared', 'HALLKIT_MQTT_SHARED') === '1';
  return {
    hallConfig,
    hallFile,
    ...(deviceRequestLimits ? { deviceRequestLimits: { ...DEFAULT_REQUEST_LIMITS, ...deviceRequestLimits } } : {}),
    dataDir: get('data', 'HALLKIT_DATA_DIR') ?? '.hallkit/center',
    ...(secretsDir ? { secretsDir } : {}),
    ...(webDir ? { webDir } : {}),
    ...(Object.keys(backups).length ? { backups } : {}),
    ...(shared ? { shareGroup: true as const } : {}),
    httpPort: Number(http.port || 80),
    httpHost: http.hostname,
    ...(embedded ? { embeddedBrokerPort: embeddedPort } : { mqttUrl: mqttUrl ?? 'mqtt://127.0.0.1:1883' }),
    ...(mqttPassword ? { mqttPassword } : {}),
    ...(!embedded && passwordFile ? { mosquittoPasswords: { file: passwordFile, ...(pidFile ? { pidFile } : {}), ...(reloadCommand ? { reloadCommand } : {}) } } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(deviceMqttUrl ? { deviceMqttUrl } : {}),
    ...(deviceMqttCaFile ? { deviceMqttCa: readDeviceMqttCa(deviceMqttCaFile) } : {}),
    ...(trustedProxies.length ? { trustedProxies } : {}),
  };
}
