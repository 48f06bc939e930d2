// A Yantai-sized hall workbook (1,344 items, 289 windows, 680 staff): `hall check` + import against
// reading the same workbook with exceljs alone (the baseline, same run); then the time from "save" in
// the admin API to every device having applied the new definition, against the same path carrying a
// one-line notice (the baseline: what any retained config change costs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { diffHallDefinitions, HallConfigSchema, stable, type HallDefinition } from '@hallkit/core';
import { DeviceLink, DeviceStore, type Logger } from '@hallkit/sync';
import { freePort, Mosquitto, shippedHall } from '@hallkit/testkit';
import { Center } from '../apps/center/src/server/Center.ts';
import { definitionToSheets } from '../apps/center/src/server/hall/workbook/definitionToSheets.ts';
import { previewImport } from '../apps/center/src/server/hall/workbook/previewImport.ts';
import { readWorkbook, writeWorkbook } from '../apps/center/src/server/hall/workbook/WorkbookSheets.ts';
import type { StaffRow } from '../apps/center/src/server/hall/workbook/StaffRow.ts';
import { percentile, table, writeSection } from './report.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 30);
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'hallkit-bench-hall-'));

function yantaiSized(): { def: HallDefinition; staff: StaffRow[] } {
  const base = shippedHall('yantai');
  const items = [];
  for (let i = 0; i < 1344; i++) {
    const src = base.catalog.items[i % base.catalog.items.length]!;
    items.push({ ...src, id: `${src.id}-${String(i).padStart(4, '0')}`, name: `${src.name}（${Math.floor(i / base.catalog.items.length) + 1}）` });
  }
  const staff: StaffRow[] = [];
  for (let i = 0; i < 680; i++) {
    const w = base.windows[i % base.windows.length]!;
    staff.push({ staffNo: `YT${String(i + 1).padStart(4, '0')}`, name: `工作人员${i + 1}`, windowIds: i % 10 === 0 ? base.windows.slice(0, 17).map((x) => x.id) : [w.id], roles: ['staff'], row: i + 2 });
  }
  return { def: { ...base, catalog: { ...base.catalog, items } }, staff };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

const { def, staff } = yantaiSized();
const file = join(dir, 'yantai-sized.xlsx');
await writeWorkbook(file, definitionToSheets(def, staff));

const baseline: number[] = [];
const check: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push((await time(() => new ExcelJS.Workbook().xlsx.readFile(file)))[0]);
  const [ms, preview] = await time(async () => previewImport(await readWorkbook(file), def));
  if (!preview.ok || preview.staff.length !== 680 || preview.definition?.catalog.items.length !== 1344) throw new Error('the generated workbook does not check clean');
  check.push(ms);
}

// Save → every device applied, over a real Mosquitto.
const broker = await Mosquitto.start();
const center = await Center.start({ hallConfig: def, dataDir: join(dir, 'center'), httpPort: await freePort(), mqttUrl: broker.url, logger: quiet, snapshotEveryMs: 100 });
center.ctx.accounts.upsertAdmin('admin', 'pw');
const links: { link: DeviceLink; store: DeviceStore }[] = [];
for (let i = 0; i < DEVICES; i++) {
  const store = DeviceStore.open({ path: join(dir, `dev-${i}.sqlite`), logger: quiet });
  const link = new DeviceLink({ store, url: broker.url, hallId: 'yantai', deviceId: `dev-${i}`, logger: quiet, heartbeatMs: 60_000, backoff: { initialMs: 50, maxMs: 300 } });
  link.onConfig('hall', 'hall', { schema: HallConfigSchema });
  link.start();
  links.push({ link, store });
}
const allAt = async (kind: string, version: number) => {
  const t0 = Date.now();
  while (!links.every((l) => (l.store.config.version('hall', kind) ?? 0) >= version)) {
    if (Date.now() - t0 > 60_000) throw new Error(`devices did not apply ${kind} v${version}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};
await allAt('hall', 1);
const login = await fetch(`${center.httpUrl}/api/login/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'pw' }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const post = (path: string, body: unknown) => fetch(`${center.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });

// Stage timings of each save (attribution): every stage on the center is timed by wrapping the method
// that does it; every device's handling of the retained message (envelope decode, schema, SQLite write)
// by wrapping its config handler; the broker's share is what lies between publish and arrival.
type Stages = Record<string, number>;
let stages: Stages = {};
const add = (k: string, ms: number) => void (stages[k] = (stages[k] ?? 0) + ms);
function wrap<T extends object>(o: T, name: string, label: string, after?: () => void): void {
  const rec = o as unknown as Record<string, (...a: unknown[]) => unknown>;
  const orig = rec[name]!.bind(o);
  rec[name] = (...a: unknown[]) => {
    const t0 = performance.now();
    const r = orig(...a);
    if (r instanceof Promise) return r.finally(() => (add(label, performance.now() - t0), after?.()));
    add(label, performance.now() - t0);
    after?.();
    return r;
  };
}
let saveEnteredAt = 0;
let publishedAt = 0;
let publishStartedAt = 0;
const arrivals: number[] = [];
{
  const ed = center.ctx.editor as unknown as Record<string, unknown>;
  const origSave = (ed.save as (...a: unknown[]) => Promise<unknown>).bind(ed);
  ed.save = (...a: unknown[]) => ((saveEnteredAt = performance.now()), origSave(...a));
  wrap(center.ctx.editor, 'check', 'center: schema + references + stranding check + diff');
  wrap(center.hall, 'run', 'center: HallConfigChanged event (validate, log row, apply)');
  wrap(center.ctx.definitions, 'record', 'center: version row');
  wrap(center.ctx.configs, 'publish', 'center: retained config row + MQTT publish', () => (publishedAt = performance.now()));
  const publisher = (center.ctx.configs as unknown as { publisher: Record<string, (...a: unknown[]) => Promise<unknown>> }).publisher;
  const origPublish = publisher.publishHall!.bind(publisher);
  publisher.publishHall = (...a: unknown[]) => ((publishStartedAt = performance.now()), origPublish(...a));
  wrap(publisher, 'publishHall', 'center: MQTT publish until acknowledged');
  wrap(HallConfigSchema, 'safeParse', 'devices: schema check (sum over devices)');
  for (const l of links) {
    wrap(l.link, 'onConfigMessage', 'devices: whole handling of the message (sum over devices)', () => arrivals.push(performance.now()));
    wrap(l.store, 'transaction', 'devices: SQLite transaction (sum over devices)');
  }
}
const attribution: Stages[] = [];
const noticeAttribution: Stages[] = [];

const saveToApplied: number[] = [];
const noticeToApplied: number[] = [];
let current = center.ctx.editor.current();
for (let i = 0; i < RUNS; i++) {
  const nv = (center.ctx.configs.version('hall', 'notices') ?? 0) + 1;
  stages = {};
  arrivals.length = 0;
  noticeToApplied.push((await time(async () => (await post('/api/admin/notice', { text: `通知 ${i}` }), await allAt('notices', nv))))[0]);
  {
    const sorted = [...arrivals].sort((a, b) => a - b);
    add('first → last device done', (sorted[sorted.length - 1] ?? 0) - (sorted[0] ?? 0));
    add('publish started → first device done (broker, MQTT client, its handling)', (sorted[0] ?? publishStartedAt) - publishStartedAt);
  }
  noticeAttribution.push(stages);
  const next = structuredClone(current);
  next.windows[i]!.categoryIds = i % 2 ? ['general'] : ['general', 'social'];
  next.catalog.items[i]!.name = `改名 ${i}`;
  const cv = (center.ctx.configs.version('hall', 'hall') ?? 0) + 1;
  stages = {};
  arrivals.length = 0;
  const t0 = performance.now();
  saveToApplied.push(
    (
      await time(async () => {
        const r = await post('/api/admin/hall-definition', { v: 1, definition: next });
        if (r.status !== 200) throw new Error(`save refused: ${await r.text()}`);
        await allAt('hall', cv);
      })
    )[0],
  );
  add('request sent → save entered (HTTP, body read + JSON.parse + zod envelope)', saveEnteredAt - t0);
  const sorted = [...arrivals].sort((a, b) => a - b);
  add('publish started → first device done (broker, MQTT client, its handling)', (sorted[0] ?? publishStartedAt) - publishStartedAt);
  add('first → last device done', (sorted[sorted.length - 1] ?? publishedAt) - (sorted[0] ?? publishedAt));
  add('last device done → bench saw all (polling)', performance.now() - (sorted[sorted.length - 1] ?? 0));
  attribution.push(stages);
  current = center.ctx.editor.current();
}
for (const l of links) {
  await l.link.stop();
  l.store.close();
}
await center.stop();
await broker.stop();

// Where a save's time goes, measured in this run on the same definition: what each device does with the
// retained message (parse + schema; the bench's 30 devices share this one process, a hall's do not),
// and the center's diff (once per save since this change; it was worked out twice, key-sorted).
const text = JSON.stringify(current);
const edited = structuredClone(current);
edited.catalog.items[0]!.name = '改名';
const deviceApply: number[] = [];
const kioskAgain: number[] = [];
const probe = DeviceStore.open({ path: join(dir, 'probe.sqlite'), logger: quiet });
probe.transaction(() => probe.config.put('hall', 'hall', current.version, current));
const diffNow: number[] = [];
const diffBefore: number[] = [];
for (let i = 0; i < RUNS; i++) {
  deviceApply.push((await time(async () => HallConfigSchema.parse(JSON.parse(text))))[0]);
  // What KioskHost.definition() did on every new version before it took the link's checked body.
  kioskAgain.push((await time(async () => HallConfigSchema.safeParse(probe.config.get('hall', 'hall')?.body)))[0]);
  diffNow.push((await time(async () => diffHallDefinitions(current, edited)))[0]);
  // The former diff: every item key-sorted on both sides, twice per save.
  diffBefore.push((await time(async () => { for (let k = 0; k < 2; k++) for (const [x, y] of current.catalog.items.map((it, j) => [it, edited.catalog.items[j]] as const)) void (stable(x) === stable(y)); }))[0]);
}
const f = (ms: number) => ms.toFixed(0);
const stageNames = [...new Set(attribution.flatMap((a) => Object.keys(a)))];
const stageRows = stageNames.map((k) => [k, f(median(attribution.map((a) => a[k] ?? 0))), f(median(noticeAttribution.map((a) => a[k] ?? 0)))]);
console.log(stageRows.map((r) => r.join(': ')).join('\n'));
const b = median(baseline);
const c = median(check);
const n = median(noticeToApplied);
const s = median(saveToApplied);
const stage = (k: string) => median(attribution.map((a) => a[k] ?? 0));
const devicesMs = stage('devices: whole handling of the message (sum over devices)');
const centerMs = ['request sent → save entered (HTTP, body read + JSON.parse + zod envelope)', 'center: schema + references + stranding check + diff', 'center: HallConfigChanged event (validate, log row, apply)', 'center: version row'].reduce((x, k) => x + stage(k), 0);
const body = `A generated Yantai-sized workbook (1,344 事项, 289 窗口, 680 人员, 11 业务类别, 24 calendar days), median of ${RUNS} runs.

${table(
  ['measure', 'median ms', 'ratio to baseline'],
  [
    ['baseline: exceljs reads the .xlsx (nothing else)', f(b), '1.00'],
    ['hall check: read + every sheet parsed and checked + diff + staff rows', f(c), (c / b).toFixed(2)],
    [`baseline: a one-line notice saved → ${DEVICES} devices applied (same retained-config path)`, f(n), '1.00'],
    [`hall definition saved (admin API, ~${Math.round(JSON.stringify(current).length / 1024)} KB) → ${DEVICES} devices applied`, f(s), (s / n).toFixed(2)],
  ],
)}

Where a save's time goes (each stage timed inside the same runs by wrapping the method that does it;
medians; the ${DEVICES} devices of the bench share one Node process, so their rows are sums):

${table(['stage', 'hall definition save (ms)', 'notice (ms)'], stageRows)}

| also measured | median ms |
| --- | --- |
| one device's parse + schema check of the definition, alone | ${f(median(deviceApply))} |
| what a kiosk did again on every new version until this change (read back from SQLite + schema check) | ${f(median(kioskAgain))} |
| the center's diff of two versions | ${f(median(diffNow))} |

**Attribution.** The center's own work for a save — the HTTP body, the checks, the HallConfigChanged row
and the version row — is ${f(centerMs)} ms together, and the broker hands the message to the first device
${f(stage('publish started → first device done (broker, MQTT client, its handling)'))} ms after the publish starts. What dominates is every
device's handling of the ${Math.round(JSON.stringify(current).length / 1024)} KB retained message: ${f(devicesMs)} ms summed over the ${DEVICES} devices
(${f(devicesMs / DEVICES)} ms each: decoding the envelope, the schema check, and the SQLite transaction that
stores the body: ${f(stage('devices: SQLite transaction (sum over devices)'))} ms of the sum), against ${f(median(noticeAttribution.map((a) => a['devices: whole handling of the message (sum over devices)'] ?? 0)))} ms for the notice. "center: retained config row + MQTT
publish" looks large only because a QoS 1 publish waits for the broker's acknowledgement while the
bench's devices occupy the same event loop. In a hall each device does its share on its own machine, in
parallel, so a save reaches every device in about the center's time + one device's share
(≈ ${f(centerMs + devicesMs / DEVICES + stage('publish started → first device done (broker, MQTT client, its handling)'))} ms here); the ratio above is the single-process bench's.
**Fixed:** a kiosk applying a new definition read it back from SQLite and schema-checked it a second
time (the row "what a kiosk did again"); it now takes the body its link already checked (KioskHost).
Tried and not kept: storing the body deflated on each device (a tenth of the bytes) wrote no faster
than the JSON text on a quiet machine (5 ms against 4 ms). Not changed: the definition still travels and is stored whole (a diff-only retained message would
leave a device that missed one version unable to apply the next), and the center still writes the body
in the hall log, the version history and the retained config (${f(stage('center: HallConfigChanged event (validate, log row, apply)') + stage('center: version row'))} ms of the event and version rows together —
not what dominates). The ratio moves with the machine's load (other work shares its 2 cores); compare
runs only within one section.`;
writeSection('hall-workbook', 'Hall workbook check and live definition change', body);
console.log(body);
probe.close();
rmSync(dir, { recursive: true, force: true });
