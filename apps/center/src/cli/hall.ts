// `hallkit-center hall check|import|export`: a hall's definition from an Excel workbook, a folder of
// CSV files or a hall file (.json) — checked with the same rules as the admin console, installed as
// the center's hall file (the center takes it as a new version at its next start), or exported back.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { HallDefinitionSchema, hallLocalTime, isKnownTimeZone, type HallDefinition } from '@hallkit/core';
import {
  HallFileError,
  readHallFile,
  shippedHallFile,
  writeHallFile,
} from '../server/hall/definition/HallFile.ts';
import { definitionToSheets } from '../server/hall/workbook/definitionToSheets.ts';
import { previewImport, previewText, type ImportPreview } from '../server/hall/workbook/previewImport.ts';
import {
  readWorkbook,
  UnusableWorkbookError,
  writeWorkbook,
} from '../server/hall/workbook/WorkbookSheets.ts';
import { newHallDefinition } from '../server/hall/workbook/newHallDefinition.ts';

const USAGE = `hallkit-center hall check FILE [--json] [--base HALL.json]   检查（0 通过，1 有错误，2 文件无法使用）
hallkit-center hall import FILE [--to HALL.json]               检查通过后写入大厅定义文件（中心下次启动时生效）
hallkit-center hall export FILE [--data DIR | --from HALL.json] 导出为 .xlsx、CSV 文件夹或 .json
FILE: .xlsx 工作簿、CSV 文件夹（每个工作表一个 CSV）或 .json 大厅定义文件`;

export async function hallCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      base: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const [sub, file] = positionals;
  if (!sub || !file) {
    console.log(USAGE);
    return 2;
  }
  if (sub === 'export') return exportHall(file, values.data ?? process.env.HALLKIT_DATA_DIR, values.from);
  if (sub !== 'check' && sub !== 'import') {
    console.log(USAGE);
    return 2;
  }
  const target = values.to ?? values.base ?? process.env.HALLKIT_HALL_FILE;
  const base = target && existsSync(target) ? readHallFile(target) : newHallDefinition();
  let preview: ImportPreview;
  try {
    preview = await previewFile(file, base);
  } catch (e) {
    if (!(e instanceof UnusableWorkbookError || e instanceof HallFileError)) throw e;
    if (values.json) console.log(JSON.stringify({ v: 1, ok: false, unusable: e.message }));
    else console.error(`文件无法使用：${e.message}`);
    return 2;
  }
  if (values.json) console.log(JSON.stringify({ ...preview, definition: undefined }, null, 1));
  else console.log(previewText(preview));
  if (!preview.ok || !preview.definition) return 1;
  if (sub === 'import') {
    const to = target ?? 'hall.json';
    const def: HallDefinition = { ...preview.definition, version: base.version + 1 };
    writeHallFile(to, def);
    console.log(
      `已写入大厅定义文件 ${to}（版本 ${def.version}）。启动或重启中心（--hall-file=${to}）即生效。`,
    );
    if (preview.staff.length > 0)
      console.log(`人员表 ${preview.staff.length} 行已校验；账号在管理控制台「大厅设置 → 导入」中创建。`);
  }
  return 0;
}

async function previewFile(file: string, base: HallDefinition): Promise<ImportPreview> {
  if (file.toLowerCase().endsWith('.json')) {
    const def = readHallFile(file);
    // A hall file is checked as a whole; shown as the workbook it would export to.
    return previewImport(
      definitionToSheets(def),
      { ...base, catalog: { ...base.catalog, hall: def.catalog.hall } },
      undefined,
      hallToday(def.catalog.hall.timeZone),
    );
  }
  return previewImport(await readWorkbook(file), base, undefined, hallToday(base.catalog.hall.timeZone));
}

/** Today in the hall's time zone (the calendar's years are the hall's). */
function hallToday(timeZone: string): string {
  return hallLocalTime(new Date(), isKnownTimeZone(timeZone) ? timeZone : 'Asia/Shanghai').day;
}

async function exportHall(
  file: string,
  dataDir: string | undefined,
  from: string | undefined,
): Promise<number> {
  let def: HallDefinition;
  try {
    def = from
      ? readHallFile(from)
      : (fromCenterDb(dataDir) ??
        readHallFile(process.env.HALLKIT_HALL_FILE ?? shippedHallFile(process.env.HALLKIT_HALL ?? 'yantai')));
  } catch (e) {
    console.error(`无法读取大厅定义：${(e as Error).message}`);
    return 2;
  }
  if (file.toLowerCase().endsWith('.json')) writeHallFile(file, def);
  else await writeWorkbook(file, definitionToSheets(def));
  console.log(`已导出 ${def.catalog.hall.name}（版本 ${def.version}）到 ${file}`);
  return 0;
}

/** The version in force in a center's database (read only; the center may be running). */
function fromCenterDb(dataDir: string | undefined): HallDefinition | undefined {
  const path = dataDir ? join(dataDir, 'center.sqlite') : undefined;
  if (!path || !existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT body FROM hall_definition_versions ORDER BY version DESC LIMIT 1')
      .get() as { body: string } | undefined;
    return row ? HallDefinitionSchema.parse(JSON.parse(row.body)) : undefined;
  } finally {
    db.close();
  }
}
