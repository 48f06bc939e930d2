import { StrictMode, Suspense, lazy, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PAGES } from './pages.ts';
import { i18n } from './i18n/i18n.ts';
import { z } from 'zod';

// The pages run under a CSP without 'unsafe-eval' (issue 15): zod's compiled fast path would probe
// `new Function` on first use, which the browser reports as a violation. The plain path is as correct.
z.config({ jitless: true });

const route = PAGES.find((p) => location.pathname.startsWith(p.prefix));
// No stylesheet here: each page brings its own (the consoles' styles.css, the phone pages'
// mobile.css), so the consoles' global element rules never reach the citizen's phone.
const Page: ComponentType = lazy(route ? route.load : () => import('./common/Home.tsx').then((m) => ({ default: m.Home })));

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<div className="loading">…</div>}>
        <Page />
      </Suspense>
    </I18nextProvider>
  </StrictMode>,
);
