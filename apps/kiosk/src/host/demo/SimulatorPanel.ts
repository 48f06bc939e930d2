// The demo's simulator panel: a small page on 127.0.0.1 (token in the address) with buttons to
// swipe an ID card, scan a code, take the paper out or open the printer cover, and the text of the
// last receipts the simulated printer "printed". For demos and manual testing only.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { IdCardSimulator, PrinterSimulator, ScannerSimulator } from '@hallkit/devices';
import { CITIZEN_CARD, ELDER_CARD } from './demoCards.ts';

export interface SimulatedKioskDevices {
  printer: PrinterSimulator;
  idCard: IdCardSimulator;
  scanner: ScannerSimulator;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class SimulatorPanel {
  readonly token = randomBytes(12).toString('base64url');
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly sims: SimulatedKioskDevices) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/?t=${this.token}`;
  }

  /** Runs one panel action; also used by tests and the CLI. */
  async act(action: string, code = ''): Promise<void> {
    const s = this.sims;
    switch (action) {
      case 'card-citizen':
      case 'card-elder':
        s.idCard.placeCard(action === 'card-elder' ? ELDER_CARD : CITIZEN_CARD);
        // Lifted again after a moment, as a citizen does.
        setTimeout(() => s.idCard.removeCard(), 1500).unref();
        return;
      case 'scan':
        if (code.trim()) await s.scanner.scan(code.trim());
        return;
      case 'paper-empty':
        return s.printer.setPaper('empty');
      case 'paper-ok':
        return s.printer.setPaper('ok');
      case 'cover-open':
        return s.printer.setCover('open');
      case 'cover-closed':
        return s.printer.setCover('closed');
    }
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.searchParams.get('t') !== this.token) return void res.writeHead(403).end('forbidden');
      const action = url.searchParams.get('a');
      const done = () => {
        res.writeHead(action ? 303 : 200, { 'content-type': 'text/html; charset=utf-8', ...(action ? { location: `/?t=${this.token}` } : {}) });
        res.end(action ? '' : this.page());
      };
      if (action) void this.act(action, url.searchParams.get('code') ?? '').then(done, done);
      else done();
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', () => resolve()));
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private page(): string {
    const p = this.sims.printer;
    const link = (a: string, label: string) => `<a class="b" href="/?t=${this.token}&a=${a}">${label}</a>`;
    const receipts = p.receipts
      .slice(-5)
      .map((_, i, all) => `<pre>${esc(p.receiptText(p.receipts.length - all.length + i))}</pre>`)
      .reverse()
      .join('');
    return `<!doctype html><meta charset="utf-8"><title>kiosk simulators</title>
<style>body{font-family:sans-serif;margin:24px}a.b{display:inline-block;margin:4px;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:8px;text-decoration:none}pre{background:#f4f4f4;padding:12px;display:inline-block;vertical-align:top;margin:6px}</style>
<h1>取号机模拟设备 · kiosk simulators</h1>
<h2>身份证 ID card</h2>${link('card-citizen', '刷卡：张建国 (38岁，有办件)')}${link('card-elder', '刷卡：欧阳秀英 (78岁，长辈模式)')}
<h2>扫码 scanner</h2><form><input type="hidden" name="t" value="${this.token}"><input type="hidden" name="a" value="scan"><input name="code" size="40" placeholder="预约码 / 回执编号，如 YT20260001"> <button>扫码 scan</button></form>
<h2>打印机 printer: paper ${p.status.paper}, cover ${p.status.cover}</h2>${link('paper-empty', '缺纸')}${link('paper-ok', '装纸')}${link('cover-open', '开盖')}${link('cover-closed', '合盖')}
<h2>最近打印 last receipts (${p.receipts.length})</h2>${receipts || '<p>none yet</p>'}
<script>setTimeout(()=>location.reload(),4000)</script>`;
  }
}
