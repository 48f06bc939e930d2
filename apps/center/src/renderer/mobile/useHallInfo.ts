// The hall's public facts for the pages: categories, items, quota left, rating reasons.
import { useEffect, useState } from 'react';
import { mapi, type HallInfo } from './api.ts';

/** `version`: bump it to fetch again (quota left after taking a ticket). */
export function useHallInfo(version = 0): HallInfo | undefined {
  const [info, setInfo] = useState<HallInfo>();
  useEffect(() => {
    let stop = false;
    const load = () =>
      mapi<HallInfo>('/api/m/info').then(
        (i) => !stop && setInfo(i),
        () => !stop && setTimeout(load, 3000),
      );
    void load();
    return () => {
      stop = true;
    };
  }, [version]);
  return info;
}
