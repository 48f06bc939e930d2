// 繁體 and English screens outside the kiosk and boards: the pad's rating prompt and the phone pages'
// hall facts carry the hall file's translations of category, item, zone and hall names, so they
// stop showing Simplified names (the screens pick by their language with core's localName).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hall, localName, type NameTranslations } from '@hallkit/core';
import { Mosquitto, shippedHall } from '@hallkit/testkit';
import { pendingPrompt } from '../src/server/hall/windowMessage.ts';
import { publicQueueView } from '../src/mobile/queue/PublicQueueView.ts';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let broker: Mosquitto;
let center: Center;
beforeAll(async () => {
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url });
});
afterAll(async () => {
  await center?.stop();
  await broker?.stop();
});

describe('translated names from the hall file', () => {
  it('travel with the pad’s rating prompt', () => {
    const def = shippedHall('yantai', { allDay: true });
    const h = new Hall(def);
    const w = def.windows.find((x) => x.categoryIds.includes('police'));
    if (!w) throw new Error('a police window');
    const at = '2026-11-23T02:00:00Z';
    h.openWindow(w.id, { id: 's1', name: '王' }, at);
    const item = def.catalog.items.find((i) => i.categoryId === 'police' && i.i18n?.en);
    if (!item) throw new Error('a translated police item');
    h.issueTicket({ categoryId: 'police', itemId: item.id, source: 'on-site', priority: 'normal', issuerId: 'center', at });
    h.callNext(w.id, at);
    const finished = h.finish(w.id, 'completed', at);
    const serviceId = finished.find((e) => e.type === 'TicketFinished')?.serviceId;
    const p = pendingPrompt(h.state, w.id, serviceId);
    const police = def.catalog.categories.find((c) => c.id === 'police');
    expect(p?.itemNameI18n).toEqual(item.i18n);
    expect(p?.categoryNameI18n).toEqual(police?.i18n);
    expect(localName({ name: p?.itemName ?? '', i18n: p?.itemNameI18n }, 'en')).toBe(item.i18n?.en);
  });

  it('travel with the phone pages’ hall facts', async () => {
    type Named = { name: string; i18n?: NameTranslations };
    const info = (
      await new ConsoleClient(center.httpUrl).get<{
        hall: Named;
        categories: (Named & { id: string; zone: string | null; zoneI18n?: NameTranslations })[];
        items: (Named & { id: string })[];
      }>('/api/m/info')
    ).json;
    const def = center.hall.config;
    const police = info.categories.find((c) => c.id === 'police');
    expect(localName(info.hall, 'zh-TW')).toBe(def.catalog.hall.i18n?.['zh-TW']);
    expect(police && localName(police, 'en')).toBe(def.catalog.categories.find((c) => c.id === 'police')?.i18n?.en);
    const zone = def.catalog.zones.find((z) => z.id === def.catalog.categories.find((c) => c.id === 'police')?.zoneId);
    expect(police && localName({ name: police.zone ?? '', i18n: police.zoneI18n }, 'en')).toBe(zone?.i18n?.en);
    const item = def.catalog.items.find((i) => i.i18n?.en);
    expect(localName(info.items.find((i) => i.id === item?.id) ?? { name: '' }, 'en')).toBe(item?.i18n?.en);
  });

  it('travel with the public queue page (/m/queue)', () => {
    const v = publicQueueView(center.hall.state, Date.now());
    const police = v.categories.find((c) => c.id === 'police');
    const def = center.hall.config.catalog.categories.find((c) => c.id === 'police');
    expect(police && localName(police, 'zh-TW')).toBe(def?.i18n?.['zh-TW']);
    expect(police?.zoneI18n?.en).toBeTruthy();
  });
});
