// 大字模式: the citizen's choice of large type, remembered on this phone. The phone pages size
// everything in rem, so one root font size scales text, spacing and touch targets together.
import { useEffect, useState } from 'react';

const KEY = 'hallkit.m.elder';

function saved(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked (private mode): standard size
  }
}

export function useElderSize(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(saved);
  useEffect(() => {
    document.documentElement.classList.toggle('m-elder', on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // not remembered, still applied
    }
  }, [on]);
  return [on, setOn];
}
