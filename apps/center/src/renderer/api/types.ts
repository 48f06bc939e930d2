// The JSON the center sends. The view types are the server's own, imported as types only: erased
// from the bundle, so the renderer never loads server code, and the two sides cannot drift apart.
export type { WindowView } from '../../server/views/windowView.ts';
export type { AdminView, FollowUpRow } from '../../server/views/adminView.ts';
export type { RateRow } from '../../server/views/evaluationStats.ts';
export type { FleetRow } from '../../server/provisioning/Fleet.ts';
export type { SlotPlan, SlotPlanIssue, SlotPlanList } from '../../mobile/appointments/SlotPlan.ts';

export type { Session, StaffSession } from '../../server/auth/Accounts.ts';

export type { StaffingView, StaffingWindow } from '../../server/views/staffingView.ts';
export type { AlarmRow } from '../../server/alarms/AlarmLog.ts';
export type { StaffMember } from '../../server/auth/Accounts.ts';
