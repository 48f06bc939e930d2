// The hall's staff list as admins change it — from the admin console or the hall workbook's 人员
// sheet (工号, 姓名, 可登录窗口, 角色). One place checks every change (windows exist, zones exist,
// PINs long enough for the role) and writes it to the audit log; callers get field-by-field issues.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { HallState } from '@hallkit/core';
import type { Accounts, StaffMember } from '../auth/Accounts.ts';
import type { AuditLog } from '../auth/AuditLog.ts';
import { MIN_PIN_LENGTH, StaffRoleSchema, type StaffRole } from '../auth/Role.ts';
import { parseWindowRange, WindowRangeError } from '../auth/WindowRange.ts';

/** One staff member as an admin edits them (HTTP body, v1). */
export const StaffInputSchema = z.object({
  staffNo: z.string().trim().regex(/^[A-Za-z0-9_-]{2,32}$/, '工号只用字母、数字、- 和 _'),
  name: z.string().trim().min(1).max(32),
  role: StaffRoleSchema,
  /** Usual window id (the console's default). */
  windowId: z.string().max(32).optional(),
  /** Windows they may log in at: "5,7,10-20" or "*". */
  windows: z.string().max(400).default(''),
  zones: z.array(z.string()).default([]),
  disabled: z.boolean().optional(),
  pin: z.string().regex(/^\d{4,12}$/, 'PIN 为 4–12 位数字').optional(),
});
export type StaffInput = z.input<typeof StaffInputSchema>;

/** The 角色 column's words (and the English ones). */
export const ROLE_WORDS: Record<string, StaffRole> = {
  窗口人员: 'staff', 窗口: 'staff', staff: 'staff',
  值班长: 'supervisor', 区域值班长: 'supervisor', supervisor: 'supervisor',
  导服台: 'desk', 导服: 'desk', 服务台: 'desk', desk: 'desk',
  好差评督查: 'auditor', 督查: 'auditor', auditor: 'auditor',
};

export interface StaffIssue {
  staffNo: string;
  field: string;
  message: string;
}

export type StaffSaveResult = { ok: true; member: StaffMember; created: boolean; pin?: string } | { ok: false; issues: StaffIssue[] };

export class StaffDirectory {
  constructor(
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
    private readonly hall: () => HallState,
  ) {}

  list(): StaffMember[] {
    return this.accounts.allStaff();
  }

  /** Checks one change without writing it. */
  check(input: unknown): { ok: true; value: z.output<typeof StaffInputSchema> } | { ok: false; issues: StaffIssue[] } {
    const raw = input as { staffNo?: unknown };
    const staffNo = typeof raw?.staffNo === 'string' ? raw.staffNo : '';
    const r = StaffInputSchema.safeParse(input);
    if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ staffNo, field: i.path.join('.'), message: i.message })) };
    const v = r.data;
    const issues: StaffIssue[] = [];
    const s = this.hall();
    try {
      const range = parseWindowRange(v.windows);
      if (range !== '*') {
        const numbers = new Set([...s.windows.values()].map((w) => w.config.number));
        for (const [a, b] of range) {
          if (![...numbers].some((n) => n >= a && n <= b)) issues.push({ staffNo, field: 'windows', message: `本大厅没有 ${a === b ? a : `${a}-${b}`} 号窗口` });
        }
      }
    } catch (e) {
      if (!(e instanceof WindowRangeError)) throw e;
      issues.push({ staffNo, field: 'windows', message: e.message });
    }
    if (v.windowId !== undefined && v.windowId !== '' && !s.windows.has(v.windowId)) issues.push({ staffNo, field: 'windowId', message: `没有窗口 ${v.windowId}` });
    const zones = new Set(s.config.catalog.zones.map((z) => z.id));
    for (const z of v.zones) if (!zones.has(z)) issues.push({ staffNo, field: 'zones', message: `没有区域 ${z}` });
    if (v.role === 'supervisor' && v.zones.length === 0) issues.push({ staffNo, field: 'zones', message: '值班长至少要管一个区域' });
    if (v.role === 'staff' && v.windows === '' && (v.windowId ?? '') === '' && !this.accounts.staff(v.staffNo)?.windowId) {
      issues.push({ staffNo, field: 'windows', message: '窗口人员至少要能在一个窗口登录' });
    }
    if (v.pin !== undefined && v.pin.length < MIN_PIN_LENGTH[v.role]) issues.push({ staffNo, field: 'pin', message: `这个角色的 PIN 至少 ${MIN_PIN_LENGTH[v.role]} 位` });
    return issues.length ? { ok: false, issues } : { ok: true, value: v };
  }

  /**
   * Adds or changes one staff member. A new one without a PIN gets a random one, returned once
   * (to hand over on paper); every change is in the audit log, PINs never are.
   */
  save(input: unknown, actor: string): StaffSaveResult {
    const c = this.check(input);
    if (!c.ok) return c;
    const v = c.value;
    const old = this.accounts.staff(v.staffNo);
    let pin = v.pin;
    let generated: string | undefined;
    if (!old && pin === undefined) pin = generated = randomPin(MIN_PIN_LENGTH[v.role]);
    const member = this.accounts.saveStaff(
      { staffNo: v.staffNo, name: v.name, role: v.role, windows: v.windows, zones: v.zones, ...(v.windowId !== undefined ? { windowId: v.windowId } : {}), ...(v.disabled !== undefined ? { disabled: v.disabled } : {}) },
      pin,
    );
    const changed = old ? diff(old, member) : undefined;
    this.audit.record(actor, old ? 'staff-changed' : 'staff-added', v.staffNo, { ...(changed ? { changed } : { role: member.role, windows: member.windows, zones: member.zones }), ...(v.pin !== undefined && old ? { pin: 'reset' } : {}) });
    return { ok: true, member, created: !old, ...(generated ? { pin: generated } : {}) };
  }

  setDisabled(staffNo: string, disabled: boolean, actor: string): StaffMember | undefined {
    const old = this.accounts.staff(staffNo);
    if (!old) return undefined;
    const m = this.accounts.saveStaff({ staffNo, name: old.name, disabled });
    this.audit.record(actor, disabled ? 'staff-disabled' : 'staff-enabled', staffNo);
    return m;
  }

  /** A new PIN: the one given, or a random one returned once. */
  resetPin(staffNo: string, actor: string, pin?: string): { ok: true; pin: string } | { ok: false; issues: StaffIssue[] } {
    const old = this.accounts.staff(staffNo);
    if (!old) return { ok: false, issues: [{ staffNo, field: 'staffNo', message: `没有工号 ${staffNo}` }] };
    const min = MIN_PIN_LENGTH[old.role];
    if (pin !== undefined && !new RegExp(`^\\d{${min},12}$`).test(pin)) return { ok: false, issues: [{ staffNo, field: 'pin', message: `PIN 为 ${min}–12 位数字` }] };
    const value = pin ?? randomPin(min);
    this.accounts.saveStaff({ staffNo, name: old.name }, value);
    this.accounts.endSessionsOf('staff', staffNo);
    this.audit.record(actor, 'staff-pin-reset', staffNo);
    return { ok: true, pin: value };
  }
}

function randomPin(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String(randomInt(10));
  return s;
}

function diff(a: StaffMember, b: StaffMember): Record<string, [unknown, unknown]> | undefined {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of ['name', 'role', 'windowId', 'windows', 'zones', 'disabled'] as const) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = [a[k], b[k]];
  }
  return Object.keys(out).length ? out : undefined;
}
