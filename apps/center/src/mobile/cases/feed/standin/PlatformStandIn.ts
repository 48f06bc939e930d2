// A local stand-in for the 政务服务平台's side of the case feed: serves its cases at GET /cases
// (pull, bearer token checked), pushes them to a center, and can fail like a real platform
// (down, answering garbage) so tests see the center keep its last good data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaseFeedRecord } from '../CaseFeedRecord.ts';

export type PlatformFault = 'none' | 'down' | 'garbage';

export class PlatformStandIn {
  readonly cases = new Map<string, CaseFeedRecord>();
  fault: PlatformFault = 'none';
  pulls = 0;
  private server: Server | undefined;

  constructor(private readonly token: string) {}

  put(...records: CaseFeedRecord[]): void {
    for (const r of records) this.cases.set(r.caseNo, r);
  }

  async listen(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      if (req.url !== '/cases') return void res.writeHead(404).end();
      this.pulls += 1;
      if (this.fault === 'down') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('平台维护中');
      if (req.headers.authorization !== `Bearer ${this.token}`) return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      if (this.fault === 'garbage') return void res.end(JSON.stringify({ v: 1, cases: [{ caseNo: 'X', steps: 'broken' }] }));
      res.end(JSON.stringify({ v: 1, cases: [...this.cases.values()] }));
    });
    this.server = server;
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', () => ok()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/cases`;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }

  /** Push these records (default: all) to a center, as the platform does when a case changes. */
  async push(centerUrl: string, records: CaseFeedRecord[] = [...this.cases.values()]): Promise<Response> {
    return fetch(`${centerUrl}/api/m/feed/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` }, body: JSON.stringify({ v: 1, cases: records }) });
  }
}
