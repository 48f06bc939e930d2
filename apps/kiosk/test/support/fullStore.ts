// A kiosk whose disk is full, made real: SQLite's own page cap on the kiosk's file, so every write
// that needs a page answers SQLITE_FULL exactly as on a full disk (ghost-ticket and visual tests).
import type { Database as Db } from 'better-sqlite3';

/**
 * Fill the kiosk's file to its limit with SQLite's own page cap: from here every write that needs a
 * page answers SQLITE_FULL, exactly as on a full disk. Filler rows in a table of their own, then
 * smaller and smaller rows in the ticket table (another day, never an offline number).
 */
export function fillKioskStore(db: Db): () => void {
  db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)');
  const pages = (db.pragma('page_count', { simple: true }) as number) + 2;
  db.pragma(`max_page_count = ${pages}`);
  const fill = (run: (size: number, i: number) => void) => {
    for (let size = 4000, i = 0; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          run(size, i++);
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e;
          break;
        }
      }
    }
  };
  fill((size) => db.prepare('INSERT INTO test_filler (b) VALUES (?)').run(Buffer.alloc(size)));
  fill((size, i) =>
    db
      .prepare(
        `INSERT INTO kiosk_tickets (ticket_id, number, seq, day, category_id, item_id, priority, offline, issued_at, follow_url, people_ahead, estimated_wait)
         VALUES (?, 'Z', 1, '1999-01-01', 'filler', NULL, 'normal', 0, '', ?, 0, NULL)`,
      )
      .run(`1999-01-01/F${i}`, 'x'.repeat(size)),
  );
  return () => {
    db.exec("DELETE FROM test_filler; DELETE FROM kiosk_tickets WHERE day = '1999-01-01'");
    db.pragma('max_page_count = 1073741823');
  };
}
