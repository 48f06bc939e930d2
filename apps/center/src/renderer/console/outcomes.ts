// 办结 / 补正材料 / 不予受理 / 转办 / 咨询: what staff record at the end of a service (the server's list).
export const FINISH_OUTCOMES = ['completed', 'needs-supplement', 'rejected', 'referred', 'consulted'] as const;
export type FinishOutcome = (typeof FINISH_OUTCOMES)[number];
