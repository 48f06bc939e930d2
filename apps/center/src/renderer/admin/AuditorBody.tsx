// The 好差评 auditor's view of /admin: ratings, bad-review follow-ups (read-only), reports and the audit
// log. What the API gives a staff account with the `auditor` role (/api/audit/live); nothing here changes anything.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { live } from '../api/http.ts';
import type { AdminView } from '../api/types.ts';
import { EvaluationsPanel } from './EvaluationsPanel.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';

type AuditorView = Pick<AdminView, 'v' | 'hall' | 'evaluations' | 'followUps' | 'audit' | 'rejected'>;
const TABS = ['evaluations', 'followUps', 'reports', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function AuditorBody() {
  const { t } = useTranslation();
  const [view, setView] = useState<AuditorView | null>(null);
  const [connected, setConnected] = useState(false);
  const [tab, setTab] = useState<Tab>(() => (TABS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as Tab) : 'evaluations');
  useEffect(() => live<AuditorView>('/api/audit/live', setView, setConnected), []);
  if (!view) return <div className="loading">…</div>;
  const open = view.followUps.filter((c) => c.state !== 'closed').length;
  return (
    <>
      <nav className="tabs">
        {TABS.map((k) => (
          <button key={k} data-testid={`tab-${k}`} className={k === tab ? 'active' : ''} onClick={() => ((location.hash = k), setTab(k))}>
            {t(`admin.tab.${k}`)}
            {k === 'followUps' && open > 0 ? ` (${open})` : ''}
          </button>
        ))}
        <span className="badge">{t('auditor.readOnly')}</span>
        <span className={`badge ${connected ? 'ok' : 'warn'}`}>{connected ? t('common.live') : t('common.reconnecting')}</span>
      </nav>
      {tab === 'evaluations' && <EvaluationsPanel view={view} />}
      {tab === 'followUps' && <FollowUpsPanel view={view} readOnly />}
      {tab === 'reports' && <ReportsPanel />}
      {tab === 'audit' && <AuditPanel view={view} />}
    </>
  );
}
