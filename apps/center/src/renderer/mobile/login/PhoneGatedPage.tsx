import type { ReactNode } from 'react';
import { LoggedInBar, PhoneLoginForm } from './PhoneLoginForm.tsx';

/**
 * A phone page that needs the citizen's phone number (remote ticket, appointments): its heading, then
 * the one-time-code log-in, or the logged-in bar and the page itself.
 */
export function PhoneGatedPage(props: {
  title: string;
  intro: string;
  demoLogin: boolean;
  session: { phone: string | null; refresh: () => void; logout: () => void };
  children: ReactNode;
}) {
  const { session } = props;
  return (
    <>
      <section className="m-card">
        <h1>{props.title}</h1>
        <p className="m-muted m-small">{props.intro}</p>
      </section>
      {session.phone === null ? (
        <PhoneLoginForm demo={props.demoLogin} onLoggedIn={session.refresh} />
      ) : (
        <>
          <LoggedInBar phone={session.phone} onLogout={session.logout} />
          {props.children}
        </>
      )}
    </>
  );
}
