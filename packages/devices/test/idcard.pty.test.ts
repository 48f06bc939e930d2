import { PtyPair } from '@hallkit/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdCard } from '../src/idcard/IdCard.ts';
import { IdCardReader, type ReaderState } from '../src/idcard/IdCardReader.ts';
import type { DeviceLogEntry } from '../src/lifecycle/DeviceLog.ts';
import type { StatusEvent } from '../src/lifecycle/DeviceStatus.ts';
import { fakeWltPhoto, IdCardSimulator } from '../src/simulators/idcard/IdCardSimulator.ts';
import { SerialTransport } from '../src/transport/SerialTransport.ts';
import { ELDER_CARD, FOREIGN_CARD, HMT_CARD, RESIDENT_CARD, waitFor } from './fixtures.ts';

describe('ID-card reader on a PTY pair with the real serialport binding and the SAM simulator', () => {
  let pty: PtyPair;
  let sim: IdCardSimulator;
  let reader: IdCardReader;
  let cards: IdCard[];
  let removed: number;
  let states: ReaderState[];
  let status: StatusEvent[];
  let log: DeviceLogEntry[];

  beforeEach(async () => {
    pty = await PtyPair.create();
    sim = await IdCardSimulator.start({ serialPath: pty.devicePath });
    log = [];
    reader = new IdCardReader(new SerialTransport({ path: pty.hostPath, baudRate: 115200 }), {
      pollMs: 50,
      commandTimeoutMs: 300,
      offlineAfterTimeouts: 2,
      reconnectMinMs: 50,
      reconnectMaxMs: 200,
      log: (e) => log.push(e),
    });
    cards = [];
    removed = 0;
    states = [];
    status = [];
    reader.on('card', (c) => cards.push(c));
    reader.on('removed', () => (removed += 1));
    reader.on('reader', (s) => states.push(s));
    reader.on('status', (e) => status.push(e));
    await reader.open();
    await reader.claim();
    await reader.enable();
  });

  afterEach(async () => {
    await reader.close();
    await sim.stop();
    await pty.close();
  });

  it('reads a resident card once per placement and checks every field; the ID number never reaches the log', async () => {
    const photo = fakeWltPhoto(7);
    sim.placeCard({ ...RESIDENT_CARD, photo });
    await waitFor(() => cards.length === 1, 3000, 'card');
    const { photo: got, ...fields } = cards[0] as IdCard;
    expect(fields).toEqual({
      kind: 'resident',
      name: '张晓明',
      gender: '男',
      nation: '汉',
      birthDate: '1986-07-15',
      address: '山东省烟台市芝罘区南大街123号',
      idNumber: '370602198607151231',
      authority: '烟台市公安局芝罘分局',
      validFrom: '2016-05-20',
      validTo: '2036-05-20',
    });
    expect(got.format).toBe('wlt');
    expect(Buffer.from(got.bytes).equals(Buffer.from(photo))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(cards).toHaveLength(1); // still on the reader: not read again
    sim.removeCard();
    await waitFor(() => removed === 1, 3000, 'removed');
    const lines = log.map((l) => l.message).join('\n');
    expect(lines).toContain('3706**********1231');
    expect(lines).not.toContain('370602198607151231');
    // The holder's name is masked like the number (issue 15): 张** — the log says whose card only to the holder.
    expect(lines).toContain('张**');
    expect(lines).not.toContain('张晓明');
  });

  it('decodes 长期 validity, other nations, HMT permits and foreign permanent resident cards', async () => {
    for (const [i, card] of [ELDER_CARD, HMT_CARD, FOREIGN_CARD].entries()) {
      sim.placeCard(card);
      await waitFor(() => cards.length === i + 1, 3000, `card ${i}`);
      sim.removeCard();
      await waitFor(() => removed === i + 1, 3000, `removed ${i}`);
    }
    expect(cards[0]).toMatchObject({ name: '欧阳秀英', gender: '女', nation: '满', idNumber: '37060219480203002X', validTo: null });
    expect(cards[1]).toMatchObject({ kind: 'hmt-permit', name: '陈家乐', idNumber: '810000199011020018', passNumber: 'H12345678', issueCount: '01', nation: '' });
    expect(cards[2]).toMatchObject({ kind: 'foreign-permanent', name: '安娜', englishName: 'MUELLER, ANNA', nation: 'DEU', idNumber: 'DEU370680040901', birthDate: '1980-04-09', validTo: '2030-06-01' });
  });

  it('turns bad checksums, time-outs and failed reads into reader states and still reads the card after', async () => {
    sim.injectFault('bad-checksum');
    sim.injectFault('timeout');
    sim.placeCard(RESIDENT_CARD);
    await waitFor(() => cards.length === 1, 5000, 'card after faults');
    expect(states).toContain('checksum-error');
    expect(states).toContain('timeout');
    sim.removeCard();
    await waitFor(() => removed === 1, 3000, 'removed');
    sim.injectFault('truncated');
    sim.placeCard(ELDER_CARD);
    await waitFor(() => cards.length === 2, 5000, 'card after truncated reply');
    expect(reader.power).toBe('online');
  });

  it('comes back by itself after the reader is unplugged (PTY closed) and plugged in again', async () => {
    sim.placeCard(RESIDENT_CARD);
    await waitFor(() => cards.length === 1, 3000, 'first card');
    await sim.stop();
    await pty.close();
    await waitFor(() => reader.power === 'offline', 3000, 'offline');
    expect(reader.state).toBe('error');
    expect(removed).toBe(1);
    await pty.open();
    await sim.attach();
    await waitFor(() => reader.power === 'online', 5000, 'online again');
    await waitFor(() => cards.length === 2, 3000, 'card read again');
    expect(status.map((s) => `${s.type}:${s.value}`)).toEqual(['power:online', 'power:offline', 'power:online']);
    expect(reader.state).toBe('idle');
  });
});
