// 人员: the hall's staff accounts — add, change role / windows / zones, disable, reset PIN. A new
// account's first PIN (and a reset one) is shown once, to hand over; every change is audited.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/http.ts';
import type { StaffMember } from '../api/types.ts';

const ROLES: Record<string, string> = { staff: '窗口人员', supervisor: '值班长', desk: '导服台', auditor: '好差评督查' };
type Issue = { field: string; message: string };

export function StaffPanel() {
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
      setIssues(e instanceof ApiError ? ((e.detail.issues as Issue[] | undefined) ?? [{ field: '', message: e.message }]) : [{ field: '', message: '网络异常' }]);
      return false;
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await call('/api/admin/staff', form, (r) => (r.pin ? `${form.name}（${form.staffNo}）的初始 PIN：${r.pin}（只显示这一次）` : `${form.name} 已保存`));
    if (ok) setForm({ staffNo: '', name: '', role: 'staff', windows: '', zones: [] });
  };
  return (
    <section>
      <form className="card staff-form" onSubmit={(e) => void submit(e)} data-testid="staff-form">
        <h2 style={{ width: '100%' }}>添加 / 修改人员</h2>
        <label>工号<input value={form.staffNo} onChange={(e) => setForm({ ...form, staffNo: e.target.value })} required /></label>
        <label>姓名<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
        <label>
          角色
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {Object.entries(ROLES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        {form.role === 'supervisor' ? (
          <label>
            管理区域
            <select multiple value={form.zones} onChange={(e) => setForm({ ...form, zones: [...e.target.selectedOptions].map((o) => o.value) })}>
              {zones.map((z) => <option key={z.id} value={z.id}>{z.name}</option>)}
            </select>
          </label>
        ) : (
          <label>可登录窗口（如 5,7,10-20 或 *）<input value={form.windows} onChange={(e) => setForm({ ...form, windows: e.target.value })} /></label>
        )}
        <button type="submit">保存</button>
        {issues.length > 0 && <ul className="error" role="alert">{issues.map((i, n) => <li key={n}>{i.message}</li>)}</ul>}
        {shown && <p className="saved" data-testid="staff-saved">{shown}</p>}
      </form>
      <div className="card">
        <h2>人员（{staff.length}）</h2>
        <table data-testid="staff-table">
          <thead><tr><th>工号</th><th>姓名</th><th>角色</th><th>可登录窗口 / 区域</th><th>状态</th><td /></tr></thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.staffNo}>
                <td>{s.staffNo}</td>
                <td>{s.name}</td>
                <td>{ROLES[s.role]}</td>
                <td>{s.role === 'supervisor' ? s.zones.map((z) => zones.find((x) => x.id === z)?.name ?? z).join('、') : s.windows || (s.windowId ? s.windowId.replace(/^w/, '') : '—')}</td>
                <td className={s.disabled ? 'bad' : 'good'}>{s.disabled ? '已停用' : '在用'}</td>
                <td>
                  <button className="secondary" onClick={() => setForm({ staffNo: s.staffNo, name: s.name, role: s.role, windows: s.windows, zones: s.zones })}>修改</button>{' '}
                  <button className="secondary" onClick={() => void call(`/api/admin/staff/${s.staffNo}/pin`, {}, (r) => `${s.name} 的新 PIN：${r.pin ?? ''}（只显示这一次）`)}>重置PIN</button>{' '}
                  <button className="secondary" onClick={() => void call(`/api/admin/staff/${s.staffNo}/disable`, { disabled: !s.disabled }, () => `${s.name} ${s.disabled ? '已启用' : '已停用'}`)}>{s.disabled ? '启用' : '停用'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
