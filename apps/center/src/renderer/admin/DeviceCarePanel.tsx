// 远程维护: send a device a care command (test print, reload config, restart, collect logs,
// lock / unlock for maintenance) and see each device's latest outcome with its time.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http.ts';
import type { AdminView } from '../api/types.ts';
import { dayTime } from '../common/format.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { useAdmin } from './useAdmin.ts';

const COMMANDS = ['test-print', 'reload-config', 'restart-app', 'collect-logs', 'lock', 'unlock'] as const;

interface CareRow {
  id: string;
  deviceId: string;
  name: string;
  status: 'sent' | 'done' | 'failed' | 'timeout';
  result: unknown;
  sentAt: number;
  finishedAt: number | null;
}

function summary(row: CareRow, t: (k: string, o?: Record<string, unknown>) => string): string {
  const r = (row.result ?? {}) as { error?: string; printed?: boolean; checks?: { id: string; ok: boolean; detail: string }[]; lines?: string[]; reloaded?: string[]; locked?: boolean };
  if (row.status === 'sent') return t('care.waiting');
  if (row.status !== 'done') return `${t(`care.status.${row.status}`)}${r.error ? `: ${r.error}` : ''}`;
  if (r.checks) return r.checks.map((c) => `${c.id} ${c.ok ? '✓' : '✗'} ${c.detail}`).join('; ');
  if (r.lines) return t('care.lines', { n: r.lines.length });
  if (r.reloaded) return r.reloaded.join(', ') || t('care.status.done');
  if (r.locked !== undefined) return r.locked ? t('care.locked') : t('care.unlocked');
  return t('care.status.done');
}

export function DeviceCarePanel({ view }: { view: AdminView }) {
  const { t } = useTranslation();
  const post = useAdmin((s) => s.post);
  const [rows, setRows] = useState<CareRow[]>([]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const [restarting, setRestarting] = useState<string>();
  // The live view is pushed again whenever an outcome arrives; re-read the list then.
  useEffect(() => {
    let stop = false;
    void api<{ commands: CareRow[] }>('/api/admin/care').then((r) => !stop && setRows(r.commands), () => undefined);
    return () => void (stop = true);
  }, [view]);
  const latest = new Map<string, CareRow>();
  for (const r of rows) if (!latest.has(r.deviceId)) latest.set(r.deviceId, r);
  const send = async (deviceId: string, confirmed = false) => {
    const name = choice[deviceId] ?? 'test-print';
    if (name === 'restart-app' && !confirmed) return setRestarting(deviceId);
    const r = await post<{ command: CareRow }>(`/api/admin/devices/${deviceId}/commands`, { v: 1, name });
    if (r) setRows((prev) => [r.command, ...prev]);
  };
  return (
    <div className="card">
      <h2>{t('care.title')}</h2>
      {restarting && (
        <ConfirmDialog
          testId="restart-dialog"
          danger
          title={t('care.title')}
          message={t('care.restartConfirm', { id: restarting })}
          confirmLabel={t('common.confirm')}
          onConfirm={() => {
            setRestarting(undefined);
            void send(restarting, true);
          }}
          onCancel={() => setRestarting(undefined)}
        />
      )}
      <table data-testid="care-table">
        <thead>
          <tr>
            <th>{t('admin.device')}</th>
            <th>{t('care.command')}</th>
            <th>{t('care.last')}</th>
            <th>{t('care.time')}</th>
            <th>{t('care.result')}</th>
          </tr>
        </thead>
        <tbody>
          {view.fleet
            .filter((d) => d.state === 'enrolled')
            .map((d) => {
              const last = latest.get(d.deviceId);
              const lines = (last?.result as { lines?: string[] } | null)?.lines;
              return (
                <tr key={d.deviceId} data-testid={`care-${d.deviceId}`}>
                  <td>
                    <code>{d.deviceId}</code>
                  </td>
                  <td>
                    <select aria-label={t('care.command')} value={choice[d.deviceId] ?? 'test-print'} onChange={(e) => setChoice({ ...choice, [d.deviceId]: e.target.value })}>
                      {COMMANDS.map((c) => (
                        <option key={c} value={c}>
                          {t(`care.cmd.${c}`)}
                        </option>
                      ))}
                    </select>{' '}
                    <button data-testid={`care-send-${d.deviceId}`} onClick={() => void send(d.deviceId)}>
                      {t('care.send')}
                    </button>
                  </td>
                  <td>{last ? t(`care.cmd.${last.name}`, { defaultValue: last.name }) : '—'}</td>
                  <td>{last ? dayTime(last.finishedAt ?? last.sentAt) : '—'}</td>
                  <td data-testid={`care-result-${d.deviceId}`} className={last?.status === 'done' ? 'good' : last?.status === 'sent' || !last ? '' : 'bad'}>
                    {last ? summary(last, t) : '—'}
                    {lines && (
                      <>
                        {' '}
                        <button className="secondary" onClick={() => setOpen(open === last?.id ? null : (last?.id ?? null))}>
                          {t('care.showLogs')}
                        </button>
                        {open === last?.id && <pre className="logs">{lines.join('\n')}</pre>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}
