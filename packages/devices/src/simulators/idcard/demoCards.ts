import type { SimulatedCard } from './IdCardSimulator.ts';

/** Made-up people for demos and the technician's simulator (valid-looking numbers, nobody real). */
export const DEMO_CARDS: Record<'resident' | 'elder' | 'hmt' | 'foreign', SimulatedCard> = {
  resident: {
    kind: 'resident', name: '张晓明', gender: '男', nation: '汉', birthDate: '1986-07-15',
    address: '山东省烟台市芝罘区南大街123号', idNumber: '370602198607151231', authority: '烟台市公安局芝罘分局',
    validFrom: '2016-05-20', validTo: '2036-05-20',
  },
  elder: {
    kind: 'resident', name: '欧阳秀英', gender: '女', nation: '满', birthDate: '1948-02-03',
    address: '山东省烟台市莱山区港城东大街88号', idNumber: '370613194802030022', authority: '烟台市公安局莱山分局',
    validFrom: '2008-03-01', validTo: null,
  },
  hmt: {
    kind: 'hmt-permit', name: '陈家乐', gender: '男', nation: '', birthDate: '1990-11-02', address: '香港特别行政区',
    idNumber: '810000199011020018', authority: '公安部出入境管理局', validFrom: '2019-01-01', validTo: '2029-01-01',
    passNumber: 'H12345678', issueCount: '01',
  },
  foreign: {
    kind: 'foreign-permanent', name: '安娜', englishName: 'MUELLER, ANNA', gender: '女', nation: 'DEU',
    birthDate: '1980-04-09', address: '', idNumber: 'DEU370680040901', authority: '1500',
    validFrom: '2020-06-01', validTo: '2030-06-01',
  },
};
