import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdDocument, checkIdNumber, idCheckCharacter, MASKED_ID_SHAPE, maskIdNumber } from '../src/index.ts';

const TODAY = '2026-06-15';
const withCheck = (first17: string) => `${first17}${idCheckCharacter(first17)}`;

describe('one ID-number rule (GB 11643 and the foreign permanent resident layouts)', () => {
  it('accepts every layout served, with its birth date', () => {
    expect(checkIdNumber(withCheck('37060219860715123'), TODAY)).toMatchObject({ ok: true, layout: 'resident', birthDate: '1986-07-15' });
    expect(checkIdNumber('370613194802030022', TODAY)).toMatchObject({ ok: true, layout: 'resident', birthDate: '1948-02-03' });
    expect(checkIdNumber(withCheck('81000019901102001'), TODAY)).toMatchObject({ ok: true, layout: 'hmt-permit' });
    expect(checkIdNumber(withCheck('83000019750301002'), TODAY)).toMatchObject({ ok: true, layout: 'hmt-permit' });
    expect(checkIdNumber(withCheck('93715619800409001'), TODAY)).toMatchObject({ ok: true, layout: 'foreign-2023', birthDate: '1980-04-09' });
    expect(checkIdNumber('CAN370680040901', TODAY)).toMatchObject({ ok: true, layout: 'foreign-2017', birthDate: '1980-04-09' });
    expect(checkIdNumber('deu 3706 1005 0301', TODAY)).toMatchObject({ ok: true, layout: 'foreign-2017', birthDate: '2010-05-03' });
  });

  it('refuses a wrong check character, an impossible or future birth date and unknown shapes, saying which', () => {
    expect(checkIdNumber('370602198607151230', TODAY)).toMatchObject({ ok: false, problem: 'check-character' });
    expect(checkIdNumber(withCheck('37060219860230123'), TODAY)).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(checkIdNumber(withCheck('37060220990101123'), TODAY)).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(checkIdNumber('CAN370681340901', TODAY)).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(checkIdNumber('3706021986071512', TODAY)).toMatchObject({ ok: false, problem: 'format' });
    expect(checkIdNumber('', TODAY)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('property: a valid 18-digit number with any one digit changed is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), (pos, delta, d) => {
        const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
        const good = withCheck(`370602${ymd}123`);
        expect(checkIdNumber(good, TODAY).ok).toBe(true);
        const digits = good.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        const bad = digits.join('');
        const r = checkIdNumber(bad, TODAY);
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('a card: expired, not yet valid and a chip birth date that does not match are refused; 长期 never expires', () => {
    const id = withCheck('81000019901102001');
    expect(checkIdDocument({ idNumber: id, birthDate: '1990-11-02', validFrom: '2019-01-01', validTo: '2024-01-01' }, TODAY)).toEqual({ ok: false, problem: 'expired' });
    expect(checkIdDocument({ idNumber: id, birthDate: '1990-11-02', validFrom: '2019-01-01', validTo: TODAY }, TODAY)).toMatchObject({ ok: true });
    expect(checkIdDocument({ idNumber: id, validFrom: '2027-01-01', validTo: '2032-01-01' }, TODAY)).toEqual({ ok: false, problem: 'not-yet-valid' });
    expect(checkIdDocument({ idNumber: id, birthDate: '1990-11-03', validTo: '2032-01-01' }, TODAY)).toEqual({ ok: false, problem: 'birth-date-mismatch' });
    expect(checkIdDocument({ idNumber: '370613194802030022', birthDate: '1948-02-03', validFrom: '2008-03-01', validTo: null }, TODAY)).toMatchObject({ ok: true, layout: 'resident' });
  });

  it('masked numbers of every layout fit the wire shape', () => {
    for (const n of ['370602198607151234', '93715619800409001X', 'CAN370680040901', '810000199011020011']) expect(maskIdNumber(n)).toMatch(MASKED_ID_SHAPE);
    expect(maskIdNumber('CAN370680040901')).toBe('CAN3*******0901');
  });
});
