// What a report row is called on screen and in the workbook, in the console's language: Window 5 /
// 5号窗口, a zone's or category's or item's name from the hall's catalog (its 繁體/English where the
// hall file gives one, else the Simplified name), a staff member's name and 工号 (names as they are).
import { localName, type NameTranslations, type ReportDimension, type ScreenLanguage } from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import { reportWords } from './reportWords.ts';

export class ReportLabels {
  constructor(
    private readonly hall: HallService,
    private readonly staffName: (id: string) => string | undefined,
  ) {}

  label(dim: ReportDimension, key: string, lang: ScreenLanguage = 'zh-CN'): string {
    const s = this.hall.state;
    const w = reportWords(lang);
    const named = (n: { name: string; i18n?: NameTranslations | undefined } | undefined) => (n ? localName(n, lang) : undefined);
    switch (dim) {
      case 'hall':
        return localName(s.config.catalog.hall, lang);
      case 'zone':
        return named(s.config.catalog.zones.find((z) => z.id === key)) ?? (key || w.notCalled);
      case 'category':
        return named(s.categories.get(key)) ?? key;
      case 'window': {
        const win = s.windows.get(key);
        return win ? w.window(win.config.number) : key || w.notCalled;
      }
      case 'staff': {
        const name = this.staffName(key);
        return name ? w.staff(name, key) : key || w.notCalled;
      }
      case 'item':
        return named(s.items.get(key)) ?? (key || w.noItem);
    }
  }
}
