// The boards' tests' center: testkit's DemoCenter on the test's own Mosquitto and a temporary data
// dir, removed when it stops.
import { DemoCenter } from '@hallkit/testkit/demoCenter';

export class CenterProcess extends DemoCenter {
  static async start(mqttUrl: string, env: Record<string, string> = {}): Promise<CenterProcess> {
    const c = new CenterProcess({ mqttUrl, env });
    await c.start();
    return c;
  }

  override async stop(): Promise<void> {
    await this.dispose();
  }
}
