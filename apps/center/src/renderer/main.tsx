import { StrictMode, Suspense, lazy, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PAGES } from './pages.ts';
import { i18n } from './i18n/i18n.ts';
import { Home } from './common/Home.tsx';
import './styles.css';

const route = PAGES.find((p) => location.pathname.startsWith(p.prefix));
const Page: ComponentType = route ? lazy(route.load) : Home;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<div className="loading">…</div>}>
        <Page />
      </Suspense>
    </I18nextProvider>
  </StrictMode>,
);
