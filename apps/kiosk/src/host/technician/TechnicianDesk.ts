// Technician mode on the kiosk (five taps on the corner + PIN): the PIN check, the session token,
// and what the technician screen shows and does. Every call but the unlock needs the token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { TechnicianPinGuard, type BridgeHandlers } from '@hallkit/host';
import type { KioskContract } from '../../contract.ts';
import type { KioskDevices } from '../devices/KioskDevices.ts';
import type { TicketCounter } from '../tickets/TicketCounter.ts';
import type { DeviceLink } from '@hallkit/sync';

type TechnicianHandlers = Pick<BridgeHandlers<KioskContract>, 'technicianUnlock' | 'technicianStatus' | 'technicianTestPrint' | 'technicianReloadConfig'>;

export interface TechnicianDeskParts {
  identity: { deviceId: string; hallId: string };
  pin: () => string;
  devices: KioskDevices;
  link: DeviceLink;
  counter: TicketCounter;
  categoryIds: () => string[];
  reloadConfig: () => Promise<unknown>;
  now: () => Date;
  log: (line: string) => void;
}

export class TechnicianDesk {
  private tokens = new Set<string>();
  private readonly pinGuard: TechnicianPinGuard;
  constructor(private readonly p: TechnicianDeskParts) {
    this.pinGuard = new TechnicianPinGuard(p.log);
  }

  private require(token: string): void {
    const ok = [...this.tokens].some((t) => t.length === token.length && timingSafeEqual(Buffer.from(t), Buffer.from(token)));
    if (!ok) throw Object.assign(new Error('technician mode is locked'), { code: 'forbidden' });
  }

  handlers(): TechnicianHandlers {
    const p = this.p;
    return {
      technicianUnlock: ({ pin }) => {
        // Five wrong tries, then a doubling wait (issue 15): the bridge took 200 guesses in 88 ms.
        const checked = this.pinGuard.check(pin, p.pin());
        if (!checked.ok) return checked;
        const token = randomBytes(16).toString('base64url');
        this.tokens = new Set([token]);
        p.log('technician mode unlocked');
        return { ok: true, token };
      },
      technicianStatus: ({ token }) => {
        this.require(token);
        const s = p.link.status();
        const h = p.devices.health();
        const printer = p.devices.printer?.status;
        return {
          deviceId: p.identity.deviceId,
          hallId: p.identity.hallId,
          printer: { state: h.printer, address: p.devices.printer?.address ?? null, summary: printer ? `paper ${printer.paper}, cover ${printer.cover}${printer.online ? '' : ', offline'}` : '—' },
          reader: { state: h.reader, address: p.devices.reader?.address ?? null },
          scanner: { state: h.scanner, address: p.devices.scanner?.address ?? null },
          link: { state: s.state, backlog: s.backlog.events, configVersions: s.config },
          offlineNumbers: p.categoryIds().map((categoryId) => ({ categoryId, remaining: p.counter.remaining(categoryId) })),
        };
      },
      technicianTestPrint: async ({ token }) => {
        this.require(token);
        return p.devices.printSlip({ title: '打印机自检 Test print', lines: [{ label: '设备', value: p.identity.deviceId }, { label: '时间', value: p.now().toISOString() }, '中文测试：政务服务 一次办好'], qr: { payload: 'hallkit:test-print' } });
      },
      technicianReloadConfig: async ({ token }) => {
        this.require(token);
        await p.reloadConfig();
        return { ok: true };
      },
    };
  }
}
