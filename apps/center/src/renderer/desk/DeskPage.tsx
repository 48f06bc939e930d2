// 导服台 (/desk): the front desk's page. Desk staff log in with 工号 + PIN, take a ticket for a citizen
// (绿色通道 with its ground, on their judgement), print the slip on the desk's printer, and look a
// ticket up by number to put a late 过号 back in line within the hall's minutes.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/useSession.ts';
import { LoginForm } from '../common/LoginForm.tsx';
import { ConsoleTopBar } from '../common/ConsoleTopBar.tsx';
import { IssuePanel } from './IssuePanel.tsx';
import { LookupPanel } from './LookupPanel.tsx';
import { TicketSlip } from './TicketSlip.tsx';
import { useDesk } from './useDesk.ts';
import '../styles.css';
import './desk.css';

export default function DeskPage() {
  const { t } = useTranslation();
  const { loaded, session, hallName, load, logout } = useSession();
  useEffect(() => void load(), [load]);
  if (!loaded) return <div className="loading">…</div>;
  const allowed = session?.kind === 'admin' || (session?.kind === 'staff' && session.role === 'desk');
  return (
    <main className="desk">
      <ConsoleTopBar hallName={hallName} title={t('desk.title')} signedIn={Boolean(session)} onLogout={() => void logout()} />
      {!session && <LoginForm kind="staff" title={t('desk.loginTitle')} />}
      {session && !allowed && (
        <p className="error card" role="alert" data-testid="desk-forbidden">
          {t('deskError.forbidden')}
        </p>
      )}
      {session && allowed && <DeskBody hallName={hallName} />}
    </main>
  );
}

function DeskBody({ hallName }: { hallName: string }) {
  const { view, load, issued } = useDesk();
  useEffect(() => {
    void load();
    // Waiting counts and estimates move all day; the desk reads them fresh every 15 s.
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [load]);
  if (!view) return <div className="loading">…</div>;
  return (
    <div className="desk-grid">
      <IssuePanel view={view} />
      <div>
        {issued && <TicketSlip ticket={issued} hallName={hallName} />}
        <LookupPanel />
      </div>
    </div>
  );
}
