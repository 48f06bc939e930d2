// The 繁體/English of a workbook text column, and what a sheet without those columns did with the hall's.
import type { NameTranslations, TextParams } from '@hallkit/core';
import type { Sheet, SheetRow } from './WorkbookSheets.ts';

/** The hall's text and its translations, as the definition in force has them for the same row. */
export interface KeptText {
  text?: string | undefined;
  tr?: NameTranslations | undefined;
}

/** Reads translations row by row (`textI18n`); `keptTranslations` then says, per sheet, what was kept. */
export function sheetTranslations() {
  const text = (r: SheetRow, c: string) => r.cells.get(c) ?? '';
  // 繁體/English of a text column, in `<base>(繁體)` and `<base>(English)` (names: 名称(繁體) beside
  // 事项名称). A column present with an empty cell removes that translation. A sheet without the column
  // (made before it existed, or an office's own sheet) keeps what the hall has for the same Simplified
  // text — a changed text drops it, it would translate something else; the preview says how many of each.
  const absent = new Map<string, { sheet: string; columns: string[]; kept: number; dropped: number }>();
  const textI18n = (sheet: Sheet, r: SheetRow, column: string, kept: KeptText | undefined, base = column): NameTranslations | undefined => {
    const out: NameTranslations = {};
    const missing: string[] = [];
    let keptOne = false;
    let droppedOne = false;
    for (const [lang, suffix] of [['zh-TW', '繁體'], ['en', 'English']] as const) {
      const c = `${base}(${suffix})`;
      let v = '';
      if (sheet.headers.includes(c)) v = text(r, c);
      else {
        missing.push(c);
        const old = kept?.tr?.[lang] ?? '';
        if (old && (kept?.text ?? '') === text(r, column)) v = old;
        if (old && v) keptOne = true;
        else if (old) droppedOne = true;
      }
      if (v) out[lang] = v;
    }
    if (missing.length) {
      const key = `${sheet.name}\n${base}`;
      const a = absent.get(key) ?? { sheet: sheet.name, columns: missing, kept: 0, dropped: 0 };
      if (keptOne) a.kept += 1;
      else if (droppedOne) a.dropped += 1;
      absent.set(key, a);
    }
    return Object.keys(out).length ? out : undefined;
  };
  /** One entry per sheet and text whose translation columns were absent while the hall had translations. */
  const keptTranslations = (): { sheet: string; params: TextParams }[] =>
    [...absent.values()]
      .filter((a) => a.kept + a.dropped > 0)
      .map((a) => ({ sheet: a.sheet, params: { columns: a.columns.map((c) => `「${c}」`).join(''), kept: a.kept, dropped: a.dropped } }));
  return { textI18n, keptTranslations };
}
