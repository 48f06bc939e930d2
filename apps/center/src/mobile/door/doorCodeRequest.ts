// The door code for a kiosk's idle screen (现场扫码取号 without an admin's logged-in poster page): only a
// kiosk may ask; the answer is the same rotating code `/m/door-poster` shows, and when it changes.
import { DOOR_CODE_REQUEST, DoorCodeRequestSchema, doorQueuePolicy, type DoorCodeResponse } from '@hallkit/core';
import type { RequestResponder } from '@hallkit/sync';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { MobileService } from '../MobileService.ts';
import { DoorCode } from './DoorCode.ts';

export function doorCodeRequest(responder: RequestResponder, ctx: CenterContext, m: MobileService): void {
  const door = new DoorCode(ctx.secrets.doorCodeKey, ctx.hall.state.config.catalog.hall.id);
  responder.handle(DOOR_CODE_REQUEST, DoorCodeRequestSchema, (_body, rc): DoorCodeResponse => {
    if (ctx.registry.get(rc.deviceId)?.role !== 'kiosk') return { v: 1, ok: false, code: 'forbidden', message: 'only a kiosk shows the door code' };
    const policy = doorQueuePolicy(ctx.hall.state.config);
    if (!policy.enabled) return { v: 1, ok: false, code: 'door-off', message: 'scan-to-queue is off in this hall' };
    const { code, changesAt } = door.current(policy, m.now());
    return { v: 1, ok: true, url: `${ctx.publicUrl.replace(/\/$/, '')}/m/door/${code}`, changesAt: new Date(changesAt).toISOString() };
  });
}
