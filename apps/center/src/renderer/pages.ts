// Which page a path shows. The phone pages' team adds their entry here (one line), pointing at
// ./mobile/… — everything under /m/ is theirs.
import type { ComponentType } from 'react';

export interface PageRoute {
  /** Path prefix, e.g. `/console/`. */
  prefix: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const PAGES: PageRoute[] = [
  { prefix: '/console/', load: () => import('./console/WindowConsolePage.tsx') },
  { prefix: '/setup', load: () => import('./common/SetupPage.tsx') },
  { prefix: '/desk', load: () => import('./desk/DeskPage.tsx') },
  { prefix: '/admin', load: () => import('./admin/AdminConsolePage.tsx') },
  { prefix: '/m/', load: () => import('./mobile/MobilePage.tsx') },
];
