// What a report row is called on screen and in the workbook: 5号窗口, a zone's or category's or
// item's name from the hall's catalog, a staff member's name and 工号.
import type { ReportDimension } from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';

export class ReportLabels {
  constructor(
    private readonly hall: HallService,
    private readonly staffName: (id: string) => string | undefined,
  ) {}

  label(dim: ReportDimension, key: string): string {
    const s = this.hall.state;
    switch (dim) {
      case 'hall':
        return s.config.catalog.hall.name;
      case 'zone':
        return s.config.catalog.zones.find((z) => z.id === key)?.name ?? (key || '（未叫号）');
      case 'category':
        return s.categories.get(key)?.name ?? key;
      case 'window': {
        const w = s.windows.get(key);
        return w ? `${w.config.number}号窗口` : key || '（未叫号）';
      }
      case 'staff': {
        const name = this.staffName(key);
        return name ? `${name}（${key}）` : key || '（未叫号）';
      }
      case 'item':
        return s.items.get(key)?.name ?? (key || '（未选事项）');
    }
  }
}
