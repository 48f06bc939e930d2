import type { HallConfig, ServiceWindow } from '../../hall/HallConfig.ts';
import { yantaiHallConfig } from './yantai.ts';

/**
 * A Qingdao-sized hall for load and benchmarks (青岛市民中心: 400 windows, 17 无差别 windows,
 * online and on-site tickets in one queue; seed 004). Same catalog as the Yantai demo, more windows.
 */
export function qingdaoHallConfig(): HallConfig {
  const base = yantaiHallConfig({ alwaysOpen: true });
  const cats = base.catalog.categories.map((c) => c.id);
  const windows: ServiceWindow[] = [];
  for (let n = 1; n <= 400; n++) {
    const general = n <= 17;
    windows.push({
      id: `w${n}`,
      number: n,
      zoneId: base.catalog.categories[n % cats.length]?.zoneId ?? 'zhzw',
      categoryIds: general ? cats : [cats[n % cats.length] as string],
      rule: n % 5 === 0 ? { mode: 'strict' } : { mode: 'interleave', priority: 1, normal: 2 },
    });
  }
  return {
    ...base,
    catalog: {
      ...base.catalog,
      hall: { id: 'qingdao', name: '青岛市民中心', address: '青岛市市北区敦化路', timeZone: 'Asia/Shanghai' },
    },
    windows,
  };
}
