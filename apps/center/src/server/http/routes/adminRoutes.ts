// The admin console's API: the live view, device slots and revocation, follow-up steps.
// Every change an admin makes is written to the audit log.
import { z } from 'zod';
import QRCode from 'qrcode';
import { DomainError } from '@hallkit/core';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { adminView } from '../../views/adminView.ts';
import { DeviceSlotRequestSchema } from '../../provisioning/DeviceRegistry.ts';
import { isReservedDeviceId } from '../../provisioning/reservedDeviceIds.ts';
import { parseBody, requireAdmin } from './authRoutes.ts';
import { actorName, requireRole } from '../../auth/RequestAccess.ts';
import { followUpRows } from '../../views/followUpRows.ts';

/** The scrolling notice line of every call board (hall config kind `notices`). */
export const HallNoticeSchema = z.object({ v: z.literal(1), text: z.string().max(500) });
const NoticeBody = z.object({ text: z.string().max(500) });

const AppealBody = z.object({ reason: z.string().trim().min(1).max(500), staffId: z.string().trim().min(1).max(40).optional() });
const AppealDecisionBody = z.object({ upheld: z.boolean(), note: z.string().trim().max(500).optional() });
const Advance = z.object({ to: z.enum(['contacted', 'rectified', 'closed']), note: z.string().max(500).optional() });

export function adminRoutes(r: Router, ctx: CenterContext, onDeviceChange: (deviceId: string) => Promise<void>, kick: (deviceId: string) => void): void {
  r.get('/api/admin/view', (req) => {
    requireAdmin(req);
    return { json: adminView(ctx) };
  });

  r.get('/api/admin/live', (req) => {
    requireAdmin(req);
    ctx.live.open(req.res, () => adminView(ctx));
    return undefined;
  });

  r.post('/api/admin/notice', async (req) => {
    const admin = requireAdmin(req);
    const { text } = parseBody(NoticeBody, req.body);
    const version = await ctx.configs.publish('hall', 'notices', HallNoticeSchema.parse({ v: 1, text }));
    ctx.audit.record(`admin:${admin.username}`, 'notice-set', 'hall', { text, version });
    return { json: { ok: true, version } };
  });

  r.post('/api/admin/devices', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(DeviceSlotRequestSchema, req.body);
    if (b.windowId !== undefined && !ctx.hall.state.windows.has(b.windowId)) throw new HttpError(400, 'unknown-window');
    if ((b.role === 'evaluator' || b.role === 'window-strip') && b.windowId === undefined) throw new HttpError(400, 'window-required');
    let slot;
    try {
      slot = ctx.registry.createSlot(b, admin.username);
    } catch (e) {
      throw new HttpError(409, 'device-exists', (e as Error).message);
    }
    ctx.audit.record(`admin:${admin.username}`, 'device-slot-created', slot.device.deviceId, { role: b.role, name: b.name, windowId: b.windowId ?? null });
    const enrolUrl = `${ctx.publicUrl.replace(/\/$/, '')}/api/enrol`;
    // The QR holds what a device's setup screen needs: where to enrol and the code.
    const qrPayload = JSON.stringify({ v: 1, enrol: enrolUrl, code: slot.code });
    const qrSvg = await QRCode.toString(qrPayload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    ctx.live.changed();
    return { json: { device: slot.device, code: slot.code, expiresAt: slot.expiresAt, enrolUrl, qrPayload, qrSvg } };
  });

  r.post('/api/admin/devices/:deviceId/revoke', async (req) => {
    const admin = requireAdmin(req);
    const id = req.params.deviceId as string;
    if (isReservedDeviceId(id)) throw new HttpError(400, 'reserved-device-id');
    if (!ctx.registry.revoke(id)) throw new HttpError(404, 'unknown-or-revoked');
    ctx.audit.record(`admin:${admin.username}`, 'device-revoked', id);
    kick(id);
    await ctx.brokerCredentials?.revoke(id);
    await onDeviceChange(id);
    ctx.live.changed();
    return { json: { ok: true } };
  });

  r.post('/api/admin/follow-ups/:caseId/advance', (req) => {
    const admin = requireAdmin(req);
    const id = req.params.caseId as string;
    const b = parseBody(Advance, req.body);
    try {
      ctx.hall.run('center', (h) => h.advanceFollowUp(id, b.to, `admin:${admin.username}`, ctx.now().toISOString(), b.note));
    } catch (e) {
      if (e instanceof DomainError) throw new HttpError(409, e.code, e.message);
      throw e;
    }
    ctx.audit.record(`admin:${admin.username}`, `follow-up-${b.to}`, id, b.note ? { note: b.note } : undefined);
    return { json: { ok: true } };
  });

  // 申诉 of a 差评 (申诉复核). Filed by an admin (for the staff evaluated, or in their own name) or by
  // a 值班长 for a case of a window in their zones; decided by an admin other than the appellant and
  // whoever entered it (core refuses 'appeal-own-decision'). Checked here, where the request enters.
  const domain = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof DomainError) throw new HttpError(e.code === 'unknown-follow-up' ? 404 : 409, e.code, e.message);
      throw e;
    }
  };
  // A 值班长's 差评跟进: the cases of windows in their zones (to file a 申诉 from), pushed on every change.
  r.get('/api/zone/follow-ups/live', (req) => {
    const s = requireRole(req, ['supervisor']);
    ctx.live.open(req.res, () => ({ followUps: followUpRows(ctx, s.kind === 'staff' ? s.zones : undefined) }));
    return undefined;
  });
  r.post('/api/admin/follow-ups/:caseId/appeal', (req) => {
    const s = req.session;
    if (!s) throw new HttpError(401, 'login-required');
    if (s.kind === 'staff' && s.role !== 'supervisor') throw new HttpError(403, 'appeal-not-allowed', 'an admin, or the 值班长 of the window’s zone, files a 申诉');
    const id = req.params.caseId as string;
    const c = ctx.hall.state.followUps.get(id);
    if (!c) throw new HttpError(404, 'unknown-follow-up', `no 差评 follow-up case ${id}`);
    const zone = ctx.hall.state.windows.get(c.windowId)?.config.zoneId;
    if (s.kind === 'staff' && (zone === undefined || !s.zones.includes(zone))) throw new HttpError(403, 'not-your-zone', `case ${id} is not of a window in your zones`);
    const b = parseBody(AppealBody, req.body);
    const actor = actorName(s);
    const by = b.staffId ? `staff:${b.staffId}` : actor;
    domain(() => ctx.hall.run('center', (h) => h.appealEvaluation(id, by, b.reason, ctx.now().toISOString(), actor)));
    ctx.audit.record(actor, 'follow-up-appealed', id, { by, reason: b.reason });
    return { json: { ok: true } };
  });
  r.post('/api/admin/follow-ups/:caseId/appeal-decision', (req) => {
    const s = req.session;
    if (!s) throw new HttpError(401, 'login-required');
    if (s.kind !== 'admin') throw new HttpError(403, 'appeal-decision-admin-only', 'a hall admin decides a 申诉 (复核)');
    const id = req.params.caseId as string;
    const b = parseBody(AppealDecisionBody, req.body);
    const actor = actorName(s);
    domain(() => ctx.hall.run('center', (h) => h.decideAppeal(id, b.upheld, actor, ctx.now().toISOString(), b.note || undefined)));
    ctx.audit.record(actor, b.upheld ? 'follow-up-appeal-upheld' : 'follow-up-appeal-rejected', id, b.note ? { note: b.note } : undefined);
    return { json: { ok: true } };
  });
}
