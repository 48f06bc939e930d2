// 调流: the hall map grouped by zone (a supervisor sees their zones), with the open alarms on top.
// Per window: open it with a staff member, close (the citizen at the counter goes back to their
// place), pause/resume, and change what it serves and how it calls for the rest of the day.
import { useEffect, useState } from 'react';
import { api, ApiError, live } from '../api/http.ts';
import { hallTime } from '../common/format.ts';
import type { AlarmRow, StaffingView, StaffingWindow } from '../api/types.ts';

type Feed = { map: StaffingView; alarms: AlarmRow[] };

const STATUS: Record<string, string> = { open: '办理中', paused: '暂停', closed: '未开窗' };

export function alarmText(a: AlarmRow, map: StaffingView): string {
  const cat = map.categories.find((c) => c.id === a.categoryId);
  const name = cat ? `${cat.prefix} ${cat.name}` : '';
  const since = hallTime(a.raisedAt);
  if (a.kind === 'stranded-category') return `${name}：${a.detail.waiting} 人等候，没有开放的窗口（${since} 起）`;
  if (a.kind === 'long-wait') return `${name}：最长等候超过 ${a.detail.threshold} 分钟（${since} 起）`;
  return `${a.detail.number} 号窗口开着但没有人登录（${since} 起）`;
}

export function StaffingPanel() {
  const [feed, setFeed] = useState<Feed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => live<Feed>('/api/staffing/live', setFeed, () => undefined), []);
  if (!feed) return <div className="loading">…</div>;
  const act = async (w: StaffingWindow, action: string, body: unknown = {}) => {
    setError(null);
    try {
      await api(`/api/staffing/windows/${w.id}/${action}`, body);
      setEditing(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '网络异常，请重试');
    }
  };
  const { map, alarms } = feed;
  return (
    <section className="staffing">
      <div className={`card alarms ${alarms.length ? 'has' : ''}`} data-testid="alarms">
        <h2>告警 {alarms.length ? `(${alarms.length})` : ''}</h2>
        {alarms.length === 0 ? <p className="note">没有告警</p> : (
          <ul>
            {alarms.map((a) => (
              <li key={a.id} data-testid={`alarm-${a.key}`} className={a.kind}>{alarmText(a, map)}</li>
            ))}
          </ul>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="card">
        <h2>各业务</h2>
        <div className="cat-chips">
          {map.categories.map((c) => (
            <span key={c.id} className={`chip ${c.waiting > 0 && c.openWindows === 0 ? 'bad' : ''}`}>
              {c.prefix} {c.name} · 等候 {c.waiting} · 开放窗口 {c.openWindows}
            </span>
          ))}
        </div>
      </div>
      {map.zones.map((z) => (
        <details key={z.id} className="card zone" open={z.windows.some((w) => w.status !== 'closed') || alarms.some((a) => a.zoneId === z.id)}>
          <summary>
            <strong>{z.name}</strong> {z.location ?? ''} · {z.windows.filter((w) => w.status !== 'closed').length}/{z.windows.length} 开放
          </summary>
          <div className="window-grid">
            {z.windows.map((w) => (
              <div key={w.id} className={`win ${w.status} ${w.status !== 'closed' && !w.loggedIn ? 'unstaffed' : ''} ${editing === w.id ? 'editing' : ''}`} data-testid={`win-${w.id}`}>
                <button className="win-head" onClick={() => setEditing(editing === w.id ? null : w.id)} aria-expanded={editing === w.id}>
                  <b>{w.number}</b> {STATUS[w.status]} {w.staff ? `· ${w.staff.name}` : ''} {w.currentTicket ? `· ${w.currentTicket}` : ''}
                  {w.assignedBy ? ' · 已调流' : ''}
                </button>
                {editing === w.id && <WindowEditor w={w} map={map} act={act} />}
              </div>
            ))}
          </div>
        </details>
      ))}
    </section>
  );
}

function WindowEditor({ w, map, act }: { w: StaffingWindow; map: StaffingView; act: (w: StaffingWindow, action: string, body?: unknown) => Promise<void> }) {
  const [staffNo, setStaffNo] = useState(w.staff?.id ?? '');
  const [cats, setCats] = useState<string[]>(w.categoryIds);
  const [rule, setRule] = useState(w.rule.mode === 'strict' ? 'strict' : `${w.rule.priority}:${w.rule.normal}`);
  const ruleBody = () => {
    if (rule === 'strict') return { mode: 'strict' as const };
    const [p, n] = rule.split(':').map(Number);
    return { mode: 'interleave' as const, priority: p ?? 1, normal: n ?? 2 };
  };
  return (
    <div className="win-edit">
      <div className="row">
        <label>
          人员
          <select value={staffNo} onChange={(e) => setStaffNo(e.target.value)} data-testid="staff-select">
            <option value="">—</option>
            {map.staff.filter((s) => !s.disabled).map((s) => (
              <option key={s.staffNo} value={s.staffNo}>{s.name}（{s.staffNo}）</option>
            ))}
          </select>
        </label>
        <button disabled={!staffNo} onClick={() => void act(w, 'open', { staffNo })} data-testid="open-window">开窗</button>
        {w.status === 'open' && <button className="secondary" onClick={() => void act(w, 'pause', { reason: '值班长暂停' })}>暂停</button>}
        {w.status === 'paused' && <button className="secondary" onClick={() => void act(w, 'resume')}>恢复</button>}
        {w.status !== 'closed' && <button className="secondary" onClick={() => void act(w, 'close', { atCounter: 'hand-back' })}>关窗</button>}
      </div>
      <fieldset>
        <legend>今天办理的业务（调流，到今天结束）</legend>
        {map.categories.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={cats.includes(c.id)} onChange={(e) => setCats(e.target.checked ? [...cats, c.id] : cats.filter((x) => x !== c.id))} />
            {c.prefix} {c.name}
          </label>
        ))}
        <div className="row">
          <label>
            叫号规则
            <select value={rule} onChange={(e) => setRule(e.target.value)}>
              <option value="strict">优先号（绿色通道、预约）一律先叫</option>
              <option value="1:2">每叫 1 个优先号，再叫 2 个普通号</option>
              <option value="1:1">优先号与普通号交替</option>
              <option value="2:1">每叫 2 个优先号，再叫 1 个普通号</option>
            </select>
          </label>
          <button disabled={cats.length === 0} onClick={() => void act(w, 'assign', { categoryIds: cats, rule: ruleBody() })} data-testid="assign-window">调流</button>
          {w.assignedBy && <button className="secondary" onClick={() => void act(w, 'unassign')}>恢复原设置</button>}
        </div>
      </fieldset>
    </div>
  );
}
