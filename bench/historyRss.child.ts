// One center start in a process of its own (history.bench.ts spawns it), so its memory is its own:
// the center's database opened and migrated, its hall loaded (newest checkpoint + today's events),
// pending days archived for reports — everything of a start whose cost could grow with the past.
// Prints one JSON line: start time, events replayed, tickets held, RSS and heap after a full GC.
import { shippedHall } from '@hallkit/testkit';
import type { Logger } from '@hallkit/sync';
import { openCenterDb } from '../apps/center/src/server/store/CenterStore.ts';
import { HallService } from '../apps/center/src/server/hall/HallService.ts';
import { DayArchive } from '../apps/center/src/server/reports/DayArchive.ts';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const path = process.argv[2];
if (!path) throw new Error('usage: historyRss.child.ts <center.sqlite>');
const config = shippedHall('qingdao', { allDay: true });
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const t = performance.now();
const db = openCenterDb(path);
const service = new HallService(db, config);
new DayArchive(db, service.log, () => service.config, quiet).archivePending();
const startMs = performance.now() - t;
gc?.();
const m = process.memoryUsage();
console.log(JSON.stringify({ startMs, replayed: service.replayedAtLoad, tickets: service.state.tickets.size, rss: m.rss, rssBefore, heapUsed: m.heapUsed }));
db.close();
