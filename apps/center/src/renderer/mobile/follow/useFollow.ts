// The ticket's live view: the center's event stream (EventSource reconnects by itself after a
// network blip); on reconnect or when the phone comes back online the page fetches the view again.
import { useEffect, useRef, useState } from 'react';
import { mapi, MobileApiError, type FollowView } from '../api.ts';

export function useFollow(token: string): { view: FollowView | undefined; connected: boolean; missing: boolean; setView: (v: FollowView) => void } {
  const [view, setViewState] = useState<FollowView>();
  const [connected, setConnected] = useState(true);
  const [missing, setMissing] = useState(false);
  const latest = useRef(-1);
  const setView = (v: FollowView) => {
    // Ignore anything older than what is shown (a fetch overtaken by the stream).
    if (v.revision < latest.current) return;
    latest.current = v.revision;
    setViewState(v);
  };

  useEffect(() => {
    let closed = false;
    const refetch = () =>
      mapi<FollowView>(`/api/m/t/${encodeURIComponent(token)}`).then(
        (v) => !closed && setView(v),
        (e: unknown) => {
          if (e instanceof MobileApiError && e.status === 404) setMissing(true);
        },
      );
    void refetch();
    const es = new EventSource(`/api/m/t/${encodeURIComponent(token)}/live`);
    es.onmessage = (m: MessageEvent<string>) => {
      setConnected(true);
      try {
        setView(JSON.parse(m.data) as FollowView);
      } catch {
        // A garbled frame: the next one (or the refetch on reconnect) brings the whole view again.
      }
    };
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    const online = () => void refetch();
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', online);
    return () => {
      closed = true;
      es.close();
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', online);
    };
  }, [token]);
  return { view, connected, missing, setView };
}
