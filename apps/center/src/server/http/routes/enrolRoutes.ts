// Device enrolment: the device presents its one-time code and receives its identity, MQTT
// credential and config (also delivered afterwards as retained config messages).
import { z } from 'zod';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { parseBody } from './authRoutes.ts';

export const EnrolRequestSchema = z.object({ v: z.literal(1), code: z.string().min(4).max(32) });

export interface EnrolResponse {
  v: 1;
  identity: { hallId: string; deviceId: string; role: string; name: string; windowId: string | null };
  /** `ca`: the hall CA (PEM) for an mqtts:// `url`, when the center has one (HALLKIT_DEVICE_MQTT_CA_FILE). */
  mqtt: { url: string; clientId: string; username: string; password: string; ca?: string };
  config: { hall: unknown; hallVersion: number; device: unknown; deviceVersion: number };
  centerUrl: string;
}

export function enrolRoutes(r: Router, ctx: CenterContext, deviceConfig: (deviceId: string) => Promise<{ body: unknown; version: number }>): void {
  r.post('/api/enrol', async (req) => {
    const b = parseBody(EnrolRequestSchema, req.body);
    const got = ctx.registry.enrol(b.code);
    if (!got.ok) {
      ctx.audit.record('device', 'enrol-refused', undefined, { error: got.error });
      throw new HttpError(got.error === 'unknown-code' ? 404 : 410, got.error);
    }
    const d = got.device;
    // An external Mosquitto must know the credential before the device tries it.
    await ctx.brokerCredentials?.grant(d.deviceId, got.password);
    ctx.audit.record(`device:${d.deviceId}`, 'enrolled', d.deviceId);
    const dc = await deviceConfig(d.deviceId);
    ctx.live.changed();
    const res: EnrolResponse = {
      v: 1,
      identity: { hallId: ctx.hall.config.catalog.hall.id, deviceId: d.deviceId, role: d.role, name: d.name, windowId: d.windowId },
      mqtt: { url: ctx.deviceMqttUrl, clientId: d.deviceId, username: d.deviceId, password: got.password, ...(ctx.deviceMqttCa ? { ca: ctx.deviceMqttCa } : {}) },
      config: { hall: ctx.hall.config, hallVersion: ctx.configs.version('hall', 'hall') ?? 1, device: dc.body, deviceVersion: dc.version },
      centerUrl: ctx.publicUrl,
    };
    return { json: res };
  });
}
