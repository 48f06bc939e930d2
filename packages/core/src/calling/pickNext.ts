import type { HallState, WindowState } from '../hall/HallState.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import { callingRule, servedCategories } from '../staffing/WindowAssignment.ts';

/**
 * The ticket a window's calling rule picks next, or undefined when nobody waits for it.
 * Candidates: tickets of the categories the window serves, plus tickets sent to this window by name.
 * Within a class the line order holds (issue time, then number); green goes before appointment.
 */
export function pickNext(s: HallState, w: WindowState): Ticket | undefined {
  const cats = servedCategories(w);
  const id = w.config.id;
  const green = s.lines.head(id, cats, 'green');
  const appointment = s.lines.head(id, cats, 'appointment');
  const priority = green ?? appointment;
  const normal = s.lines.head(id, cats, 'normal');
  if (!priority) return normal;
  if (!normal) return priority;
  const rule = callingRule(w);
  if (rule.mode === 'strict') return priority;
  // interleave: `round` is reset by applyEvent once both quotas are met.
  return w.round.priority < rule.priority ? priority : normal;
}
