// Who does what in a hall. 大厅管理员 are `admins` (user name + password); everyone else is a staff
// account (工号 + PIN) with one of these roles. Checked where each request enters (RequestAccess.ts).
import { z } from 'zod';

export const STAFF_ROLES = ['staff', 'supervisor', 'desk', 'auditor'] as const;
/** 窗口人员, 值班长 (zone supervisor), 导服台 (service desk), 好差评 auditor (read-only). */
export type StaffRole = (typeof STAFF_ROLES)[number];
export const StaffRoleSchema = z.enum(STAFF_ROLES);

/** The shortest PIN per role: a supervisor closes windows and an auditor reads ratings, so more than four digits. */
export const MIN_PIN_LENGTH: Record<StaffRole, number> = { staff: 4, desk: 4, supervisor: 6, auditor: 6 };

/** An admin's password: long enough that the log-in throttle makes guessing hopeless. */
export const MIN_ADMIN_PASSWORD = 10;
