// Server-Sent Events for the consoles: a client opens a stream for one view (a window, the admin
// overview) and gets the whole view again whenever the hall changes, coalesced to a few per second.
import type { ServerResponse } from 'node:http';

interface Subscriber {
  res: ServerResponse;
  render: () => unknown;
}

export class LiveFeed {
  private readonly subs = new Set<Subscriber>();
  private timer: NodeJS.Timeout | undefined;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(private readonly everyMs = 150) {
    this.keepAlive = setInterval(() => {
      for (const s of this.subs) s.res.write(': keep-alive\n\n');
    }, 20_000);
    this.keepAlive.unref();
  }

  open(res: ServerResponse, render: () => unknown): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    const sub = { res, render };
    this.subs.add(sub);
    res.on('close', () => this.subs.delete(sub));
    this.send(sub);
  }

  /** Something changed: push every view again (coalesced). */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const s of this.subs) this.send(s);
    }, this.everyMs);
  }

  private send(s: Subscriber): void {
    try {
      s.res.write(`data: ${JSON.stringify(s.render())}\n\n`);
    } catch (e) {
      s.res.write(`event: error\ndata: ${JSON.stringify({ error: (e as Error).message })}\n\n`);
    }
  }

  close(): void {
    clearInterval(this.keepAlive);
    clearTimeout(this.timer);
    for (const s of this.subs) s.res.end();
    this.subs.clear();
  }
}
