// A 值班长's view of /admin: 调流 of their zones, and the 差评跟进 of those zones' windows, where they
// file a 申诉 (an admin reviews it). The cases come from /api/zone/follow-ups/live, the server's cut.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { live } from '../api/http.ts';
import type { AdminView } from '../api/types.ts';
import { StaffingPanel } from './StaffingPanel.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { useAdmin } from './useAdmin.ts';

const TABS = ['staffing', 'followUps'] as const;
type Tab = (typeof TABS)[number];

export function SupervisorBody() {
  const { t } = useTranslation();
  const error = useAdmin((s) => s.error);
  const [view, setView] = useState<Pick<AdminView, 'followUps'> | null>(null);
  const [tab, setTab] = useState<Tab>(() => (location.hash.slice(1) === 'followUps' ? 'followUps' : 'staffing'));
  useEffect(() => live<Pick<AdminView, 'followUps'>>('/api/zone/follow-ups/live', setView, () => undefined), []);
  const open = view?.followUps.filter((c) => c.state !== 'closed').length ?? 0;
  return (
    <>
      <nav className="tabs">
        {TABS.map((k) => (
          <button key={k} data-testid={`tab-${k}`} className={k === tab ? 'active' : ''} onClick={() => ((location.hash = k), setTab(k))}>
            {t(`admin.tab.${k}`)}
            {k === 'followUps' && open > 0 ? ` (${open})` : ''}
          </button>
        ))}
      </nav>
      {error && tab === 'followUps' && (
        <p className="error" role="alert">
          {t(`error.${error}`, { defaultValue: error })}
        </p>
      )}
      {tab === 'staffing' && <StaffingPanel />}
      {tab === 'followUps' && (view ? <FollowUpsPanel view={view} appealOnly /> : <div className="loading">…</div>)}
    </>
  );
}
