// 人员: the hall's staff accounts — add, change role / windows / zones, disable, reset PIN. A new
// account's first PIN (and a reset one) is shown once, to hand over; every change is audited.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import type { StaffMember } from '../api/types.ts';

const ROLES = ['staff', 'supervisor', 'desk', 'auditor'] as const;
type Issue = { field: string; message: string };

export function StaffPanel() {
  const { t } = useTranslation();
  const [zones, setZones] = useState<{ id: string; name: string }[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  const [form, setForm] = useState({ staffNo: '', name: '', role: 'staff', windows: '', zones: [] as string[] });
  const load = useCallback(async () => setStaff((await api<{ staff: StaffMember[] }>('/api/admin/staff')).staff), []);
  useEffect(() => void load(), [load]);
  useEffect(() => void api<{ zones: { id: string; name: string }[] }>('/api/staffing/view').then((v) => setZones(v.zones)), []);
  const call = async (path: string, body: unknown, what: (r: { pin?: string }) => string | null) => {
    setIssues([]);
    setShown(null);
    try {
      const r = await api<{ pin?: string }>(path, body);
      setShown(what(r));
      await load();
      return true;
    } catch (e) {
      setIssues(e instanceof ApiError ? ((e.detail.issues as Issue[] | undefined) ?? [{ field: '', message: e.message }]) : [{ field: '', message: t('staff.network') }]);
      return false;
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await call('/api/admin/staff', form, (r) => (r.pin ? t('staff.firstPin', { name: form.name, staffNo: form.staffNo, pin: r.pin }) : t('staff.saved', { name: form.name })));
    if (ok) setForm({ staffNo: '', name: '', role: 'staff', windows: '', zones: [] });
  };
  return (
    <section>
      <form className="card staff-form" onSubmit={(e) => void submit(e)} data-testid="staff-form">
        <h2 style={{ width: '100%' }}>{t('staff.formTitle')}</h2>
        <label>{t('staff.staffNo')}<input value={form.staffNo} onChange={(e) => setForm({ ...form, staffNo: e.target.value })} required /></label>
        <label>{t('staff.name')}<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
        <label>
          {t('staff.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((k) => <option key={k} value={k}>{t(`staff.roles.${k}`)}</option>)}
          </select>
        </label>
        {form.role === 'supervisor' ? (
          <label>
            {t('staff.zones')}
            <select multiple value={form.zones} onChange={(e) => setForm({ ...form, zones: [...e.target.selectedOptions].map((o) => o.value) })}>
              {zones.map((z) => <option key={z.id} value={z.id}>{z.name}</option>)}
            </select>
          </label>
        ) : (
          <label>{t('staff.windows')}<input value={form.windows} onChange={(e) => setForm({ ...form, windows: e.target.value })} /></label>
        )}
        <button type="submit">{t('staff.save')}</button>
        {issues.length > 0 && <ul className="error" role="alert">{issues.map((i, n) => <li key={n}>{i.message}</li>)}</ul>}
        {shown && <p className="saved" data-testid="staff-saved">{shown}</p>}
      </form>
      <div className="card">
        <h2>{t('staff.listTitle', { n: staff.length })}</h2>
        <table data-testid="staff-table">
          <thead><tr><th>{t('staff.staffNo')}</th><th>{t('staff.name')}</th><th>{t('staff.role')}</th><th>{t('staff.windowsOrZones')}</th><th>{t('staff.state')}</th><td /></tr></thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.staffNo}>
                <td>{s.staffNo}</td>
                <td>{s.name}</td>
                <td>{t(`staff.roles.${s.role}`)}</td>
                <td>{s.role === 'supervisor' ? s.zones.map((z) => zones.find((x) => x.id === z)?.name ?? z).join('、') : s.windows || (s.windowId ? s.windowId.replace(/^w/, '') : '—')}</td>
                <td className={s.disabled ? 'bad' : 'good'}>{s.disabled ? t('staff.disabled') : t('staff.active')}</td>
                <td>
                  <button className="secondary" onClick={() => setForm({ staffNo: s.staffNo, name: s.name, role: s.role, windows: s.windows, zones: s.zones })}>{t('staff.edit')}</button>{' '}
                  <button className="secondary" onClick={() => void call(`/api/admin/staff/${s.staffNo}/pin`, {}, (r) => t('staff.newPin', { name: s.name, pin: r.pin ?? '' }))}>{t('staff.resetPin')}</button>{' '}
                  <button className="secondary" onClick={() => void call(`/api/admin/staff/${s.staffNo}/disable`, { disabled: !s.disabled }, () => t(s.disabled ? 'staff.nowEnabled' : 'staff.nowDisabled', { name: s.name }))}>{s.disabled ? t('staff.enable') : t('staff.disable')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
