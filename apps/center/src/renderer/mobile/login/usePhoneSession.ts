// Who is logged in on this phone (the HttpOnly cookie is invisible to the page; ask the center).
import { useCallback, useEffect, useState } from 'react';
import { mapi } from '../api.ts';

export function usePhoneSession(): { phone: string | null | undefined; refresh: () => void; logout: () => void } {
  const [phone, setPhone] = useState<string | null>();
  const refresh = useCallback(() => {
    mapi<{ phone: string }>('/api/m/me').then(
      (r) => setPhone(r.phone),
      () => setPhone(null),
    );
  }, []);
  useEffect(refresh, [refresh]);
  const logout = useCallback(() => {
    void mapi('/api/m/logout', {}).finally(() => setPhone(null));
  }, []);
  return { phone, refresh, logout };
}
