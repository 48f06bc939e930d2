// A local stand-in for the 政务服务平台's side of the case feed: serves its cases at GET /cases
// (pull, bearer token checked), pushes them to a center, and can fail like a real platform
// (down, answering garbage) so tests see the center keep its last good data.
import type { CaseFeedRecord } from '../CaseFeedRecord.ts';
import { jsonReply, StandInServer, type StandInReply, type StandInRequest } from '../../../../standin/StandInServer.ts';

export type PlatformFault = 'none' | 'down' | 'garbage';

export class PlatformStandIn {
  readonly cases = new Map<string, CaseFeedRecord>();
  pulls = 0;
  private readonly server = new StandInServer((r) => this.handle(r), '平台维护中');

  constructor(private readonly token: string) {}

  get fault(): PlatformFault {
    return this.garbage ? 'garbage' : this.server.outage === 'unavailable' ? 'down' : 'none';
  }

  set fault(f: PlatformFault) {
    this.garbage = f === 'garbage';
    this.server.outage = f === 'down' ? 'unavailable' : 'none';
  }

  private garbage = false;

  put(...records: CaseFeedRecord[]): void {
    for (const r of records) this.cases.set(r.caseNo, r);
  }

  /** Resolves with the pull URL. */
  async listen(port = 0): Promise<string> {
    const a = await this.server.listen(port);
    return `${a.origin}/cases`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: StandInRequest): StandInReply {
    if (req.url.pathname !== '/cases') return { status: 404 };
    this.pulls += 1;
    if (req.headers.authorization !== `Bearer ${this.token}`) return { status: 401 };
    if (this.garbage) return jsonReply(200, { v: 1, cases: [{ caseNo: 'X', steps: 'broken' }] });
    return jsonReply(200, { v: 1, cases: [...this.cases.values()] });
  }

  /** Push these records (default: all) to a center, as the platform does when a case changes. */
  async push(centerUrl: string, records: CaseFeedRecord[] = [...this.cases.values()]): Promise<Response> {
    return fetch(`${centerUrl}/api/m/feed/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` }, body: JSON.stringify({ v: 1, cases: records }) });
  }
}
