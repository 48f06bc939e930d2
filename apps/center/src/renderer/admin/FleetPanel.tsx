// 设备: every provisioned device's health, plus creating a slot (one-time code + QR) and revoking.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminView } from '../api/types.ts';
import { dayTime } from '../common/format.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { useAdmin } from './useAdmin.ts';
import { DeviceCarePanel } from './DeviceCarePanel.tsx';

interface Slot {
  device: { deviceId: string };
  code: string;
  expiresAt: number;
  qrSvg: string;
}

export function FleetPanel({ view }: { view: AdminView }) {
  const { t } = useTranslation();
  const post = useAdmin((s) => s.post);
  const [role, setRole] = useState('kiosk');
  const [name, setName] = useState('');
  const [windowId, setWindowId] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [revoking, setRevoking] = useState<string>();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await post<Slot>('/api/admin/devices', { role, name, ...(windowId ? { windowId } : {}) });
    if (r) setSlot(r);
  };
  return (
    <section>
      {revoking && (
        <ConfirmDialog
          testId="revoke-dialog"
          danger
          title={t('admin.revoke')}
          message={t('admin.revokeConfirm', { id: revoking })}
          confirmLabel={t('admin.revoke')}
          onConfirm={() => {
            setRevoking(undefined);
            void post(`/api/admin/devices/${revoking}/revoke`, {});
          }}
          onCancel={() => setRevoking(undefined)}
        />
      )}
      <div className="card">
        <h2>{t('admin.fleet')}</h2>
        <table data-testid="fleet-table">
          <thead>
            <tr>
              <th>{t('admin.device')}</th>
              <th>{t('admin.role')}</th>
              <th>{t('admin.window')}</th>
              <th>{t('admin.online')}</th>
              <th>{t('admin.lastHeartbeat')}</th>
              <th>{t('admin.configVersion')}</th>
              <th>{t('admin.paper')}</th>
              <th>{t('admin.errors')}</th>
              <th>{t('admin.oldestUnsynced')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {view.fleet.map((d) => (
              <tr key={d.deviceId} data-testid={`device-${d.deviceId}`}>
                <td>
                  <strong>{d.name}</strong>
                  <br />
                  <code>{d.deviceId}</code>
                </td>
                <td>{t(`role.${d.role}`)}</td>
                <td>{d.windowId ?? '—'}</td>
                <td data-testid={`presence-${d.deviceId}`} className={d.state === 'revoked' ? 'bad' : d.online ? (d.stale ? 'warn' : 'good') : 'bad'}>
                  {d.state !== 'enrolled' ? t(`deviceState.${d.state}`) : d.online ? (d.stale ? t('admin.stale') : t('admin.isOnline')) : t('admin.isOffline')}
                </td>
                <td>{dayTime(d.lastHeartbeatAt)}</td>
                <td>{Object.entries(d.config).map(([k, v]) => `${k} v${v}`).join(', ') || '—'}</td>
                <td>{d.paper ? t(`paper.${d.paper}`, { defaultValue: d.paper }) : '—'}</td>
                <td>{d.errors.join('; ') || '—'}</td>
                <td>{d.oldestUnsyncedS === null ? '—' : t('admin.seconds', { n: Math.round(d.oldestUnsyncedS) })}</td>
                <td>
                  {d.state !== 'revoked' && (
                    <button className="secondary" onClick={() => setRevoking(d.deviceId)}>
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DeviceCarePanel view={view} />
      <form className="card" onSubmit={(e) => void create(e)}>
        <h2>{t('admin.provision')}</h2>
        <div className="row">
          <select aria-label={t('admin.role')} value={role} onChange={(e) => setRole(e.target.value)}>
            {['kiosk', 'call-board', 'evaluator', 'window-strip', 'caller-bridge'].map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <input aria-label={t('admin.deviceName')} placeholder={t('admin.deviceName')} value={name} onChange={(e) => setName(e.target.value)} required />
          <input aria-label={t('admin.window')} placeholder="w5" value={windowId} onChange={(e) => setWindowId(e.target.value)} />
          <button type="submit">{t('admin.createSlot')}</button>
        </div>
        {slot && (
          <div className="enrol" data-testid="enrol-code">
            <p>
              {t('admin.codeFor', { id: slot.device.deviceId })} <strong className="code">{slot.code}</strong> · {t('admin.expires', { time: dayTime(slot.expiresAt) })}
            </p>
            <div className="qr" dangerouslySetInnerHTML={{ __html: slot.qrSvg }} />
          </div>
        )}
      </form>
    </section>
  );
}
