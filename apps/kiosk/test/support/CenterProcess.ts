// The kiosk tests' center: testkit's DemoCenter on the test's own Mosquitto, HTTP port and data dir.
// Stop and start it again to cut the kiosk off; pause() freezes it.
import { DemoCenter } from '@hallkit/testkit/demoCenter';

export class CenterProcess extends DemoCenter {
  constructor(mqttUrl: string, httpPort: number, dataDir: string) {
    super({ mqttUrl, httpPort, dataDir });
  }
}
