// How a feature that lives inside the center but is built by another team (the citizen's phone
// pages, appointments, progress cases: src/mobile/**) plugs in. Add one line to modules.ts.
import type { Migration, RequestResponder } from '@hallkit/sync';
import type { CenterContext } from './CenterContext.ts';
import type { Router } from './http/Router.ts';

export interface CenterModule {
  /** Short id; also the migration namespace `module:{name}`. */
  name: string;
  /** The module's own tables, numbered 1..n, run at start in the center's database. */
  migrations?: readonly Migration[];
  /** HTTP routes; a module serves `/api/m/*` (JSON) and may serve `/m/*` pages, else the SPA serves them. */
  routes?(router: Router, ctx: CenterContext): void;
  /** Device requests it answers (e.g. `appointment.checkIn`, `case.lookup`). */
  requests?(responder: RequestResponder, ctx: CenterContext): void;
  /** After the center is up (MQTT connected, HTTP listening). */
  start?(ctx: CenterContext): void | Promise<void>;
  stop?(): void | Promise<void>;
}
