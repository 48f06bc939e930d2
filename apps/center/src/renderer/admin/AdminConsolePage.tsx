// 管理控制台 (/admin): live queue, windows, device fleet, evaluations, bad-review follow-ups,
// appointment slot plans (预约号源), audit.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/useSession.ts';
import { LoginForm } from '../common/LoginForm.tsx';
import { ConsoleTopBar } from '../common/ConsoleTopBar.tsx';
import { useAdmin } from './useAdmin.ts';
import { QueuePanel } from './QueuePanel.tsx';
import { FleetPanel } from './FleetPanel.tsx';
import { EvaluationsPanel } from './EvaluationsPanel.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { SlotPlansPanel } from './SlotPlansPanel.tsx';
import { SmsPanel } from './SmsPanel.tsx';
import { ProvincePanel } from './ProvincePanel.tsx';
import { HallDefinitionPanel } from './hall/HallDefinitionPanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { StaffingPanel } from './StaffingPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { AuditorBody } from './AuditorBody.tsx';
import { SupervisorBody } from './SupervisorBody.tsx';
import '../styles.css';

const TABS = ['queue', 'staffing', 'staff', 'fleet', 'evaluations', 'followUps', 'slots', 'sms', 'province', 'hall', 'reports', 'whatIf', 'audit'] as const;
type Tab = (typeof TABS)[number];

export default function AdminConsolePage() {
  const { t } = useTranslation();
  const { loaded, session, hallName, load, logout } = useSession();
  useEffect(() => void load(), [load]);
  if (!loaded) return <div className="loading">…</div>;
  return (
    <main className="admin">
      <ConsoleTopBar hallName={hallName} title={t('admin.title')} signedIn={Boolean(session)} onLogout={() => void logout()} />
      {session?.kind === 'admin' && <AdminBody />}
      {session?.kind === 'staff' && session.role === 'supervisor' && <SupervisorBody />}
      {session?.kind === 'staff' && session.role === 'auditor' && <AuditorBody />}
      {session?.kind === 'staff' && (session.role === 'staff' || session.role === 'desk') && (
        <p className="error card" role="alert" data-testid="admin-forbidden">
          {t('error.forbidden')} {session.role === 'desk' && <a href="/desk">{t('desk.title')}</a>}
        </p>
      )}
      {!session && <AdminLogin />}
    </main>
  );
}

/** Admins log in with a user name; 值班长 with their 工号 and PIN (they get the 调流 screen of their zones). */
function AdminLogin() {
  const { t } = useTranslation();
  const [staff, setStaff] = useState(false);
  return (
    <>
      {staff ? <LoginForm kind="staff" title={t('staffLogin.title')} /> : <LoginForm kind="admin" title={t('admin.loginTitle')} />}
      <p style={{ textAlign: 'center' }}>
        <button className="secondary" onClick={() => setStaff(!staff)} data-testid="login-switch">
          {staff ? t('staffLogin.toAdmin') : t('staffLogin.toStaff')}
        </button>
      </p>
    </>
  );
}

function AdminBody() {
  const { t } = useTranslation();
  const { view, connected, error, connect } = useAdmin();
  const [tab, setTab] = useState<Tab>((location.hash.slice(1) as Tab) || 'queue');
  useEffect(() => connect(), [connect]);
  if (!view) return <div className="loading">…</div>;
  const open = view.followUps.filter((c) => c.state !== 'closed' && !c.voided).length;
  const offline = view.fleet.filter((d) => d.state === 'enrolled' && !d.online).length;
  return (
    <>
      <nav className="tabs">
        {TABS.map((k) => (
          <button key={k} data-testid={`tab-${k}`} className={k === tab ? 'active' : ''} onClick={() => ((location.hash = k), setTab(k))}>
            {t(`admin.tab.${k}`)}
            {k === 'followUps' && open > 0 ? ` (${open})` : ''}
            {k === 'fleet' && offline > 0 ? ` (${t('admin.offlineN', { n: offline })})` : ''}
          </button>
        ))}
        <span className={`badge ${connected ? 'ok' : 'warn'}`}>{connected ? t('common.live') : t('common.reconnecting')}</span>
      </nav>
      {error && <p className="error" role="alert">{t(`error.${error}`, { defaultValue: error })}</p>}
      {tab === 'queue' && <QueuePanel view={view} />}
      {tab === 'staffing' && <StaffingPanel />}
      {tab === 'staff' && <StaffPanel />}
      {tab === 'fleet' && <FleetPanel view={view} />}
      {tab === 'evaluations' && <EvaluationsPanel view={view} />}
      {tab === 'followUps' && <FollowUpsPanel view={view} />}
      {tab === 'slots' && <SlotPlansPanel />}
      {tab === 'sms' && <SmsPanel />}
      {tab === 'province' && <ProvincePanel />}
      {tab === 'hall' && <HallDefinitionPanel />}
      {tab === 'reports' && <ReportsPanel />}
      {tab === 'whatIf' && <WhatIfPanel />}
      {tab === 'audit' && <AuditPanel view={view} />}
    </>
  );
}
