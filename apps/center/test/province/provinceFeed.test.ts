// The provincial 好差评 feed in a running center against the receiver stand-in: two generated days of
// ratings, lapses and follow-ups all reach the province once and in order per service; an outage and
// lost answers are retried without a second copy; a refused record waits for the admin (and holds back
// its service's later records) until retried; a hall that uploads by hand exports the records as a file.
import { afterEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provinceCommand } from '../../src/cli/province.ts';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from '../../src/server/province/ProvinceFileExport.ts';
import { ProvinceRecordSchema, type ProvinceRecord } from '../../src/server/province/ProvinceRecord.ts';
import { provinceFeedModule } from '../../src/server/province/ProvinceFeedModule.ts';
import { ProvinceFeedSettingsSchema, type ProvinceFeedConfig } from '../../src/server/province/ProvinceFeedSettings.ts';
import { ProvinceReceiverStandIn } from '../../src/server/province/standin/ProvinceReceiverStandIn.ts';
import { seedDemoHistory } from '../../src/server/reports/demoHistory.ts';
import type { Center } from '../../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir, waitUntil } from '../support/centerHarness.ts';

const TOKEN = 'province-token-0123456789abcdef';
let center: Center | undefined;
let receiver: ProvinceReceiverStandIn | undefined;
afterEach(async () => {
  await center?.stop();
  center = undefined;
  await receiver?.close();
  receiver = undefined;
});

const settings = (over: Record<string, unknown>) => ProvinceFeedSettingsSchema.parse({ v: 1, regionCode: '370602000000', retryBaseSeconds: 0.05, retryMaxSeconds: 0.2, timeoutSeconds: 2, ...over });

async function boot(config: ProvinceFeedConfig) {
  const dataDir = tempDir();
  center = await startCenter({ dataDir, modules: [provinceFeedModule({ config, pollMs: 50 })] });
  const admin = new ConsoleClient(center.httpUrl);
  center.ctx.accounts.upsertAdmin('admin', 'admin-password-1');
  await admin.login('admin', { username: 'admin', password: 'admin-password-1' });
  return { c: center, admin, dataDir };
}

/** How many records the log should make: one per rating, lapse and follow-up step. */
function expectedRecords(c: Center): number {
  return c.hall.log.countOf(['EvaluationGiven', 'EvaluationLapsed', 'FollowUpOpened', 'FollowUpAdvanced', 'EvaluationAppealed', 'EvaluationAppealDecided']);
}

interface Summary { configured: boolean; counts: Record<string, number>; lastError: { message: string } | null; lastSuccessAt: number | null; failed: { recordId: string; error: string }[] }

describe('provincial 好差评 feed', () => {
  /** Batched delivery (25 records of different services a request) must keep every promise of one by one. */
  const batchedToo = (r: ProvinceReceiverStandIn, batchSize: number) => {
    if (batchSize === 1) return expect(r.batches).toBe(0);
    expect(r.batches).toBeGreaterThan(0);
    expect(r.largestBatch).toBeGreaterThan(1);
    expect(r.largestBatch).toBeLessThanOrEqual(batchSize);
  };

  it.each([1, 25])('delivers every record once, in order per service, through an outage and lost answers (batch size %i)', async (batchSize) => {
    receiver = new ProvinceReceiverStandIn(TOKEN);
    const endpoint = await receiver.listen();
    receiver.outage = 'unavailable';
    const { c, admin } = await boot({ settings: settings({ transport: 'http-json', endpoint, batchSize }), secrets: { token: TOKEN } });
    seedDemoHistory(c.hall, new Date(), new Map(), 2);
    const expected = expectedRecords(c);
    expect(expected).toBeGreaterThan(300);
    // The province is down: the records wait, the console says why.
    await waitUntil('the feed to try and say why', async () => (await admin.get<Summary>('/api/admin/province')).json.lastError !== null);
    const down = (await admin.get<Summary>('/api/admin/province')).json;
    expect(down.counts.pending).toBe(expected);
    expect(down.lastError?.message).toMatch(/503/);
    // Back, but the first answers get lost on the way: those are sent again and not kept twice.
    receiver.loseAnswers = 5;
    receiver.outage = 'none';
    await waitUntil('every record delivered', async () => (await admin.get<Summary>('/api/admin/province')).json.counts.delivered === expected, 30_000);
    expect(receiver.records.size).toBe(expected);
    // Each record of a request whose answer was lost came again once (5 records one by one, 5 batches batched).
    expect(receiver.lostRecords).toBeGreaterThanOrEqual(5);
    expect(receiver.duplicates).toBe(receiver.lostRecords);
    // Order per service: a follow-up step never reaches the province before its evaluation or earlier steps.
    const seen = new Map<string, ProvinceRecord[]>();
    for (const { record } of receiver.records.values()) seen.set(record.projectNo, [...(seen.get(record.projectNo) ?? []), record]);
    const steps = ['opened', 'contacted', 'rectified', 'closed'];
    let followUps = 0;
    for (const list of seen.values()) {
      const fu = list.filter((r): r is Extract<ProvinceRecord, { kind: 'follow-up' }> => r.kind === 'follow-up');
      followUps += fu.length;
      if (fu.length > 0) expect(list.findIndex((r) => r.kind === 'evaluation' && r.badReview)).toBeLessThan(list.indexOf(fu[0]!));
      expect(fu.map((r) => steps.indexOf(r.step))).toEqual(fu.map((r) => steps.indexOf(r.step)).sort((a, b) => a - b));
    }
    expect(followUps).toBeGreaterThan(0);
    // The staff evaluated are named (from their accounts, else as their window's opening recorded them).
    const evaluations = [...receiver.records.values()].map((r) => r.record).filter((r) => r.kind === 'evaluation');
    expect(evaluations.every((r) => r.operateUserName !== '' && r.operateUserName !== r.operateUserGuid)).toBe(true);
    const ok = (await admin.get<Summary>('/api/admin/province')).json;
    expect(ok.counts).toMatchObject({ pending: 0, failed: 0, delivered: expected });
    expect(ok.lastSuccessAt).not.toBeNull();
    batchedToo(receiver, batchSize);
  }, 60_000);

  it.each([1, 25])('parks a refused record for the admin, holding back that service, and sends it when retried (batch size %i)', async (batchSize) => {
    receiver = new ProvinceReceiverStandIn(TOKEN);
    const endpoint = await receiver.listen();
    let refusing = true;
    receiver.judge = (r) => (refusing && r.kind === 'evaluation' && r.badReview ? '事项编码未在省事项库登记' : undefined);
    const { c, admin } = await boot({ settings: settings({ transport: 'http-json', endpoint, batchSize }), secrets: { token: TOKEN } });
    seedDemoHistory(c.hall, new Date(), new Map(), 1);
    const expected = expectedRecords(c);
    // Settled: the refused records parked, their services' later records waiting, the rest delivered.
    let last = '';
    await waitUntil('the feed to settle', async () => {
      const now = (await admin.get<Summary>('/api/admin/province')).json.counts;
      const same = (now.failed ?? 0) > 0 && JSON.stringify(now) === last;
      last = JSON.stringify(now);
      if (!same) await new Promise((r) => setTimeout(r, 300));
      return same;
    }, 20_000);
    const s = (await admin.get<Summary>('/api/admin/province')).json;
    expect(s.counts.failed).toBeGreaterThan(0);
    expect(s.failed[0]?.error).toMatch(/事项编码未在省事项库登记/);
    // The 差评's follow-up steps wait behind it: nothing of that service reached the province.
    const failedIds = new Set(s.failed.map((f) => f.recordId));
    for (const { record } of receiver.records.values()) if (record.kind === 'follow-up') expect(failedIds.has(record.recordId.replace(/-follow-up-.*$/, ''))).toBe(false);
    expect([...receiver.records.values()].some((r) => r.record.kind === 'follow-up')).toBe(false);
    refusing = false;
    expect((await admin.post<{ requeued: number }>('/api/admin/province/retry')).json.requeued).toBe(s.counts.failed);
    await waitUntil('every record delivered', async () => (await admin.get<Summary>('/api/admin/province')).json.counts.delivered === expected, 20_000);
    expect(receiver.records.size).toBe(expected);
    // Batched, a refusal is one record's: the batch's other records were taken.
    batchedToo(receiver, batchSize);
  }, 60_000);

  it('exports the records for a hall that uploads by hand, and counts an upload as delivered', async () => {
    const { c, admin } = await boot({ settings: settings({ transport: 'file' }), secrets: undefined });
    seedDemoHistory(c.hall, new Date(), new Map(), 1);
    const expected = expectedRecords(c);
    const res = await fetch(`${c.httpUrl}/api/admin/province/export.jsonl?pending=1`, { headers: { cookie: admin.cookieHeader } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/haochaping-pending-.*\.jsonl/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(expected);
    const records = lines.map((l) => ProvinceRecordSchema.parse(JSON.parse(l)));
    expect(new Set(records.map((r) => r.recordId)).size).toBe(expected);
    expect(records.find((r) => r.kind === 'evaluation')).toMatchObject({ pf: 4, areaCode: '370600000000' }); // the hall definition's region code wins over the settings'
    const through = Number(res.headers.get('x-hallkit-through'));
    expect((await admin.post<{ marked: number }>('/api/admin/province/uploaded', { through })).json.marked).toBe(expected);
    expect((await admin.get<Summary>('/api/admin/province')).json.counts).toMatchObject({ pending: 0, delivered: expected });
    // A range export is there for re-sending a period.
    const day = records[0]!.kind === 'evaluation' ? records[0]!.assessTime.slice(0, 10) : '2026-01-01';
    const range = await fetch(`${c.httpUrl}/api/admin/province/export.jsonl?from=2000-01-01&to=2100-01-01`, { headers: { cookie: admin.cookieHeader } });
    expect((await range.text()).trim().split('\n')).toHaveLength(expected);
    expect(day).toMatch(/^\d{4}-/);
    // Not an admin: no records.
    expect((await fetch(`${c.httpUrl}/api/admin/province/export.jsonl?pending=1`)).status).toBe(401);
    expect((await fetch(`${c.httpUrl}/api/admin/province/export.xlsx?pending=1`)).status).toBe(401);
  }, 60_000);

  it('exports a period as CSV and as an Excel workbook, every record once with every field', async () => {
    const { c, admin, dataDir } = await boot({ settings: settings({ transport: 'file' }), secrets: undefined });
    seedDemoHistory(c.hall, new Date(), new Map(), 1);
    const expected = expectedRecords(c);
    const get = (format: string) => fetch(`${c.httpUrl}/api/admin/province/export.${format}?from=2000-01-01&to=2100-01-01`, { headers: { cookie: admin.cookieHeader } });
    const jsonl = (await (await get('jsonl')).text()).trim().split('\n').map((l) => ProvinceRecordSchema.parse(JSON.parse(l)));

    const csv = await get('csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/haochaping-2000-01-01-2100-01-01\.csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM: Excel reads the Chinese
    const csvBook = new ExcelJS.Workbook();
    const sheet = await csvBook.csv.read(Readable.from(bytes.subarray(3).toString('utf8')));
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 3)).toEqual(['kind', 'recordId', 'projectNo']);
    expect(sheet.rowCount - 1).toBe(expected);
    const col = (name: string) => header.indexOf(name) + 1;
    const firstEval = jsonl.find((r) => r.kind === 'evaluation')!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => String(r.getCell(col('recordId')).value) === firstEval.recordId)!;
    expect(String(row.getCell(col('taskName')).value)).toBe(firstEval.taskName);
    expect(Number(row.getCell(col('pf')).value)).toBe(firstEval.pf);
    expect(String(row.getCell(col('evaLevel')).value)).toBe(firstEval.evaLevel);
    // The command line writes the same file from the center's database (hall IT, no browser).
    const file = join(dataDir, 'period.csv');
    let said = '';
    expect(await provinceCommand(['export', '--from=2000-01-01', '--to=2100-01-01', '--format=csv', `--out=${file}`, `--data=${dataDir}`], { out: (x) => (said += x), err: (x) => (said += x) })).toBe(0);
    expect(said).toContain(`${expected} records`);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const xlsx = await get('xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['评价', '超时未评', '差评跟进', '申诉']);
    // Three rows of headings (title, Chinese, field names), then one row per record.
    const count = (kind: string) => jsonl.filter((r) => r.kind === kind).length;
    expect(book.getWorksheet('评价')!.rowCount - 3).toBe(count('evaluation'));
    expect(book.getWorksheet('超时未评')!.rowCount - 3).toBe(count('not-rated'));
    expect(book.getWorksheet('差评跟进')!.rowCount - 3).toBe(count('follow-up'));
    const ev = book.getWorksheet('评价')!;
    expect((ev.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['记录编号', '办件编号']);
    const fields = (ev.getRow(3).values as unknown[]).slice(1).map(String);
    expect(String(ev.getRow(4).getCell(fields.indexOf('recordId') + 1).value)).toBe(firstEval.recordId);
    // Every field of the record schema has its column (a field added later cannot be left out of the files).
    for (const kind of ['evaluation', 'not-rated', 'follow-up', 'appeal'] as const) {
      const shape = ProvinceRecordSchema.options.find((o) => o.shape.kind.value === kind)!.shape;
      expect(EXPORT_COLUMNS[kind].map((x) => x.field).sort()).toEqual(Object.keys(shape).filter((k) => k !== 'kind' && k !== 'v').sort());
    }
  }, 60_000);

  it('sends a 差评’s 申诉 and its decision, in order after the 差评; an upheld appeal says the rating no longer counts', async () => {
    receiver = new ProvinceReceiverStandIn(TOKEN);
    const endpoint = await receiver.listen();
    const { c, admin } = await boot({ settings: settings({ transport: 'http-json', endpoint, batchSize: 10 }), secrets: { token: TOKEN } });
    seedDemoHistory(c.hall, new Date(), new Map(), 1);
    // Today's 差评 (the seeded days are history): served and rated very dissatisfied now.
    const at = () => new Date().toISOString();
    const { caseId } = c.hall.run('center', (h) => {
      const w = [...h.state.windows.values()].find((x) => x.status === 'closed')!.config;
      h.openWindow(w.id, { id: 'YT9901', name: '测试员' }, at());
      h.issueTicket({ categoryId: w.categoryIds[0]!, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
      h.callNext(w.id, at());
      const [fin] = h.finish(w.id, 'completed', at());
      if (fin?.type !== 'TicketFinished') throw new Error('not finished');
      h.evaluate({ evaluationId: 'ev-appeal-1', serviceId: fin.serviceId, level: 'very-dissatisfied', reasons: ['attitude'], channel: 'hall-pad', at: at() });
      return { caseId: 'fu/ev-appeal-1' };
    });
    expect((await admin.post<{ ok: boolean }>(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal`, { reason: '群众误按，已当场说明', staffId: 'YT9901' })).json.ok).toBe(true);
    // The same appeal twice is refused with the domain's code; closing is refused while it waits.
    const again = await fetch(`${c.httpUrl}/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal`, { method: 'POST', headers: { cookie: admin.cookieHeader, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '再次' }) });
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([409, 'already-appealed']);
    // 复核 is a second admin's: the one who entered the appeal may not decide it.
    expect((await admin.post<{ error: string }>(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal-decision`, { upheld: true })).json.error).toBe('appeal-own-decision');
    c.ctx.accounts.upsertAdmin('reviewer', 'reviewer-password-1');
    const reviewer = new ConsoleClient(c.httpUrl);
    await reviewer.login('admin', { username: 'reviewer', password: 'reviewer-password-1' });
    expect((await reviewer.post<{ ok: boolean }>(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal-decision`, { upheld: true, note: '调取录像核实为误评' })).json.ok).toBe(true);
    const expected = expectedRecords(c);
    await waitUntil('every record delivered', async () => (await admin.get<Summary>('/api/admin/province')).json.counts.delivered === expected, 30_000);
    const mine = [...receiver.records.values()].map((r) => r.record).filter((r) => (r.kind === 'evaluation' ? r.evaluationId === 'ev-appeal-1' : 'caseId' in r && r.caseId === caseId));
    expect(mine.map((r) => (r.kind === 'follow-up' || r.kind === 'appeal' ? `${r.kind}:${r.step}` : r.kind))).toEqual(['evaluation', 'follow-up:opened', 'appeal:filed', 'appeal:decided']);
    expect(mine[2]).toMatchObject({ stepBy: 'staff:YT9901', reason: '群众误按，已当场说明', evaluationId: 'ev-appeal-1' });
    expect(mine[3]).toMatchObject({ stepBy: 'admin:reviewer', upheld: true, effectivEvalua: false, note: '调取录像核实为误评', projectNo: mine[0]!.projectNo });
  }, 60_000);
});
