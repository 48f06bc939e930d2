// `npm run demo`: the center with its embedded broker, demo staff and admin, and the demo devices
// pre-provisioned with known credentials so the other apps' demos can connect. Issues nothing.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoHallHardware, isOpenAllDay, openAllDay } from '@hallkit/core';
// The demo accounts (auth/DemoCredentials.ts) make a production start refuse this data folder.
import { Center } from './Center.ts';
import { centerSettings } from './CenterSettings.ts';
import { consoleLogger } from '@hallkit/sync';
import { startDemoSmsStandIn } from '../mobile/sms/standin/demoSmsStandIn.ts';
import { startDemoPlatformStandIn } from '../mobile/cases/feed/standin/demoPlatformStandIn.ts';
import { startDemoProvinceStandIn } from './province/standin/demoProvinceStandIn.ts';
import { DEMO_ADMIN, DEMO_STAFF } from './auth/DemoCredentials.ts';
import { seedDemoHistory } from './reports/demoHistory.ts';

export { DEMO_ADMIN, DEMO_STAFF };
/** Device password = `demo-{deviceId}` (demo only; real devices enrol with a one-time code). */
export const DEMO_DEVICES = [
  { deviceId: 'kiosk-1', role: 'kiosk', name: '一楼大厅取号机' },
  { deviceId: 'board-1', role: 'call-board', name: '一楼综合叫号屏' },
  { deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' },
] as const;

const settings = centerSettings();
// Every SMS of the demo goes through the Tencent Cloud SDK to a local stand-in that prints it.
const smsStandIn = await startDemoSmsStandIn(settings.dataDir, consoleLogger('[sms]'));
// The progress cases come from a local stand-in of the 政务服务平台 through the case feed.
const platform = await startDemoPlatformStandIn(settings.dataDir, consoleLogger('[platform]'));
// Every rating, lapse and 差评 follow-up step goes to a local stand-in of the provincial 好差评 platform.
const province = await startDemoProvinceStandIn(settings.dataDir, consoleLogger('[province]'));
const center = await Center.start(settings);
center.ctx.accounts.upsertAdmin(DEMO_ADMIN.username, DEMO_ADMIN.password);
for (const s of DEMO_STAFF) {
  center.ctx.accounts.saveStaff({ staffNo: s.staffNo, name: s.name, role: s.role, windowId: s.windowId, windows: s.windows, zones: 'zones' in s ? [...s.zones] : [] }, s.pin);
}
// Two weeks of past days (only on a fresh data dir), closed and archived: the 报表 tab has figures at once.
const seededDays = seedDemoHistory(center.hall, new Date(), new Map(DEMO_STAFF.map((s) => [s.windowId, { id: s.staffNo, name: s.name }])));
if (seededDays > 0) console.log(`demo: ${seededDays} past hall-days generated for the reports`);
for (const d of DEMO_DEVICES) await center.provisionKnown(d, `demo-${d.deviceId}`);
// A visitor may try the demo at any hour: the demo saves the hall's all-day version, through the same
// path an admin's edit takes (it shows in 大厅设置 → 版本历史, and rolling back restores the real hours).
if (!isOpenAllDay(center.hall.config)) {
  const r = await center.ctx.editor.save(openAllDay(center.hall.config), 'demo', '演示：全部业务全天开放（回滚到上一版本即恢复真实办理时间）');
  if (!r.ok) console.warn(`demo: all-day hours refused: ${r.problems.map((p) => p.message).join('; ')}`);
}
// The demo's LED strips over windows 5–7 and window 6's wired keypad, driven by board-1 (the call
// board's demo starts their simulators at the same places: apps/caller-display/src/host/demo.ts),
// saved like an admin's edit of the hall definition.
{
  const ports = (process.env.HALLKIT_DEMO_STRIP_PORTS ?? '15005,15006,15007').split(',').map(Number);
  const keypadBusPath = process.env.HALLKIT_DEMO_KEYPAD_BUS ?? join(tmpdir(), `hallkit-demo-keypads-${ports[0]}`, 'host');
  const hardware = demoHallHardware({ deviceId: 'board-1', stripPorts: ports, keypadBusPath });
  if (JSON.stringify(center.hall.config.hardware) !== JSON.stringify(hardware)) {
    const r = await center.ctx.editor.save({ ...center.hall.config, hardware }, 'demo', '演示：5–7号窗口 LED 条屏（模拟控制卡）与 6号窗口物理呼叫器');
    if (!r.ok) console.warn(`demo: LED strips and keypads refused: ${r.problems.map((p) => p.message).join('; ')}`);
  }
}
// Open the demo windows under their staff, so tickets have somewhere to go from the first minute.
for (const s of DEMO_STAFF) {
  if (s.windowId !== '' && center.hall.state.windows.get(s.windowId)?.status === 'closed') {
    center.hall.run('center', (h) => h.openWindow(s.windowId, { id: s.staffNo, name: s.name }, new Date().toISOString()));
  }
}

const url = center.httpUrl;
console.log(`demo admin: ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);
console.log(`demo staff: ${DEMO_STAFF.map((s) => `${s.name} ${s.role} 工号 ${s.staffNo} PIN ${s.pin}${s.windowId ? ` (${s.windowId})` : ''}`).join('; ')}`);
console.log(`demo devices (MQTT username = client id = device id, password = demo-<device id>): ${DEMO_DEVICES.map((d) => d.deviceId).join(', ')}`);
console.log(`READY 窗口控制台(5号窗口) ${url}/console/w5`);
console.log(`READY 管理控制台 ${url}/admin`);
console.log(`READY 导服台 ${url}/desk`);
console.log(`READY MQTT ${center.mqttUrl}`);
console.log('READY-DONE');
const stop = () => void center.stop().then(() => Promise.all([smsStandIn?.close(), platform?.close(), province?.close()])).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
