// `hallkit-center province export …`: the provincial 好差评 records of a period as a file, for a hall
// that uploads by hand or re-sends a period (docs/haochaping-feed.md). Reads the center's database
// (the center may be running); the records are those the feed has made — exactly what it sends.
//   province export --from=YYYY-MM-DD --to=YYYY-MM-DD [--format=xlsx|csv|jsonl] [--out=FILE]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { centerSettings } from '../server/CenterSettings.ts';
import { openCenterDb } from '../server/store/CenterStore.ts';
import { PROVINCE_MIGRATIONS } from '../server/province/provinceMigrations.ts';
import { EXPORT_FORMATS, recordsCsv, recordsWorkbook, type ExportFormat } from '../server/province/ProvinceFileExport.ts';
import { ProvinceRecordSchema } from '../server/province/ProvinceRecord.ts';
import type { CliContext } from './CliCommand.ts';

const USAGE = `hallkit-center province export --from=YYYY-MM-DD --to=YYYY-MM-DD [--format=xlsx|csv|jsonl] [--out=FILE] [--data=DIR]
  exit code: 0 written, 1 failed, 2 usage error`;

const option = (argv: string[], name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function provinceCommand(argv: string[], io: CliContext['io'] = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  const from = option(argv, 'from');
  const to = option(argv, 'to');
  const format = (option(argv, 'format') ?? 'xlsx') as ExportFormat;
  if (words[0] !== 'export' || !from || !to || !DAY.test(from) || !DAY.test(to) || !EXPORT_FORMATS.includes(format)) {
    io.err(USAGE);
    return 2;
  }
  try {
    const s = centerSettings(process.env, argv);
    const db = openCenterDb(join(s.dataDir, 'center.sqlite'), [{ namespace: 'module:province', migrations: PROVINCE_MIGRATIONS }]);
    try {
      const lines = (db.prepare('SELECT body FROM province_outbox WHERE day >= ? AND day <= ? ORDER BY id').all(from, to) as { body: string }[]).map((r) => r.body);
      const records = () => lines.map((l) => ProvinceRecordSchema.parse(JSON.parse(l)));
      const body = format === 'jsonl' ? Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8') : format === 'csv' ? recordsCsv(records()) : await recordsWorkbook(records(), `好差评数据 ${from} 至 ${to}`);
      const out = option(argv, 'out') ?? `haochaping-${from}-${to}.${format}`;
      writeFileSync(out, body);
      io.out(`${out}: ${lines.length} records (${body.length} bytes)`);
      return 0;
    } finally {
      db.close();
    }
  } catch (e) {
    io.err(`hallkit-center province export: ${(e as Error).message}`);
    return 1;
  }
}
