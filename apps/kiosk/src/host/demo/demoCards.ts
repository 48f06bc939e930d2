// Made-up cards for the demo and tests (valid shapes and check digits; the people do not exist).
// Zhang's number is the applicant of the center's demo progress cases, so a swipe finds them.
import type { SimulatedCard } from '@hallkit/devices';

export const CITIZEN_CARD: SimulatedCard = {
  kind: 'resident',
  name: '张建国',
  gender: '男',
  nation: '汉',
  birthDate: '1985-03-12',
  address: '山东省烟台市芝罘区南大街123号',
  idNumber: '370602198503121230',
  authority: '烟台市公安局芝罘分局',
  validFrom: '2016-05-20',
  validTo: '2036-05-20',
};

/** 78 years old on any day this code runs: elder mode comes on by itself. */
export const ELDER_CARD: SimulatedCard = {
  ...CITIZEN_CARD,
  name: '欧阳秀英',
  gender: '女',
  nation: '满',
  birthDate: '1948-02-03',
  idNumber: '370602194802030023',
  validFrom: '2008-03-01',
  validTo: null,
};
