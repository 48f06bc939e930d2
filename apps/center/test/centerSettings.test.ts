// The center's settings: the hall's broker is one setting away.
import { describe, expect, it } from 'vitest';
import { centerSettings } from '../src/server/CenterSettings.ts';

describe('centerSettings', () => {
  it('starts the embedded broker by default, and uses an external broker when only its URL is given', () => {
    expect(centerSettings({}, [])).toMatchObject({ embeddedBrokerPort: 18830 });
    expect(centerSettings({}, []).mqttUrl).toBeUndefined();
    const external = centerSettings({ HALLKIT_MQTT_URL: 'mqtt://10.0.0.2:1883' }, []);
    expect(external).toMatchObject({ mqttUrl: 'mqtt://10.0.0.2:1883' });
    expect(external.embeddedBrokerPort).toBeUndefined();
    // The demo: the embedded broker on the port everyone is told.
    expect(centerSettings({ HALLKIT_MQTT_URL: 'mqtt://127.0.0.1:18831', HALLKIT_EMBEDDED_BROKER: '1' }, [])).toMatchObject({ embeddedBrokerPort: 18831 });
    expect(centerSettings({}, ['--mqtt=mqtt://10.0.0.3:1883']).mqttUrl).toBe('mqtt://10.0.0.3:1883');
  });
});
