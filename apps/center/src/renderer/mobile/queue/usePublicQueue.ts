// The public queue view, live: the center's event stream (EventSource reconnects by itself), and a
// fresh fetch when the phone comes back online or to the page.
import { useEffect, useRef, useState } from 'react';
import { mapi } from '../api.ts';
import type { PublicQueueView } from '../../../mobile/queue/PublicQueueView.ts';

export type { PublicQueueView };

export function usePublicQueue(): { view: PublicQueueView | undefined; connected: boolean } {
  const [view, setViewState] = useState<PublicQueueView>();
  const [connected, setConnected] = useState(true);
  const latest = useRef(-1);
  useEffect(() => {
    let closed = false;
    const setView = (v: PublicQueueView) => {
      if (closed || v.revision < latest.current) return;
      latest.current = v.revision;
      setViewState(v);
    };
    const refetch = () => mapi<PublicQueueView>('/api/m/queue').then(setView, () => setConnected(false));
    void refetch();
    const es = new EventSource('/api/m/queue/live');
    es.onmessage = (m: MessageEvent<string>) => {
      setConnected(true);
      try {
        setView(JSON.parse(m.data) as PublicQueueView);
      } catch {
        // a garbled frame: the next one brings the whole view again
      }
    };
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    const again = () => void refetch();
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      closed = true;
      es.close();
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);
  return { view, connected };
}
