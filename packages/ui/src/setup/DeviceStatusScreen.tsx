// Full-screen states a citizen may meet on any device: 设备维护中 (locked by an admin for
// maintenance) and 设备已停用 (revoked by the center). Nothing on them can be pressed.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function DeviceStatusScreen({ kind, reason }: { kind: 'locked' | 'revoked'; reason?: string | null }): ReactNode {
  const { t } = useTranslation();
  return (
    <main className={`device-status device-${kind}`} data-screen={kind} role="status">
      <h1 data-testid={`device-${kind}`}>{t(`device.${kind}`)}</h1>
      <p>{t(`device.${kind}Hint`)}</p>
      {kind === 'locked' && reason ? <p className="device-reason">{reason}</p> : null}
    </main>
  );
}
