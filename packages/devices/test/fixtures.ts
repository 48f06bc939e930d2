import type { QueueTicketSlip } from '../src/printer/receipt/slips.ts';

export const DEMO_TICKET: QueueTicketSlip = {
  hallName: '烟台市政务服务中心',
  ticketNumber: 'A012',
  categoryName: '社保就业',
  serviceName: '城乡居民养老保险参保登记',
  peopleAhead: 5,
  estimatedWaitMinutes: 15,
  issuedAt: '2026-03-02T01:30:00Z',
  followUrl: 'https://ytzwfw.example.cn/q/A012?h=370600&t=8f3a',
  notice: '过号请重新取号，请留意叫号屏',
  windowHint: '请到二楼社保就业区等候',
};

export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

import type { SimulatedCard } from '../src/simulators/idcard/IdCardSimulator.ts';

/** A made-up resident of Yantai (the ID number has a valid shape; the person does not exist). */
export const RESIDENT_CARD: SimulatedCard = {
  kind: 'resident',
  name: '张晓明',
  gender: '男',
  nation: '汉',
  birthDate: '1986-07-15',
  address: '山东省烟台市芝罘区南大街123号',
  idNumber: '370602198607151231',
  authority: '烟台市公安局芝罘分局',
  validFrom: '2016-05-20',
  validTo: '2036-05-20',
};

export const ELDER_CARD: SimulatedCard = {
  ...RESIDENT_CARD,
  name: '欧阳秀英',
  gender: '女',
  nation: '满',
  birthDate: '1948-02-03',
  idNumber: '37060219480203002X',
  validFrom: '2008-03-01',
  validTo: null,
};

export const HMT_CARD: SimulatedCard = {
  kind: 'hmt-permit',
  name: '陈家乐',
  gender: '男',
  nation: '',
  birthDate: '1990-11-02',
  address: '香港特别行政区',
  idNumber: '810000199011020018',
  authority: '公安部出入境管理局',
  validFrom: '2019-01-01',
  validTo: '2024-01-01',
  passNumber: 'H12345678',
  issueCount: '01',
};

export const FOREIGN_CARD: SimulatedCard = {
  kind: 'foreign-permanent',
  name: '安娜',
  englishName: 'MUELLER, ANNA',
  gender: '女',
  nation: 'DEU',
  birthDate: '1980-04-09',
  address: '',
  idNumber: 'DEU370680040901',
  authority: '1500',
  validFrom: '2020-06-01',
  validTo: '2030-06-01',
};
