// The province's record of each hall event: channel codes by the explicit national mapping (never by
// list order), the level in the province's numbering, codes from the feed's settings, follow-up steps
// carrying their 整改/回访 text — and every record passes the record schema.
import { describe, expect, it } from 'vitest';
import { shippedHall } from '@hallkit/testkit';
import { EVALUATION_CHANNELS, type EvaluationChannel, type HallEvent } from '@hallkit/core';
import { recordOfEvent, type RecordContext } from '../../src/server/province/recordOfEvent.ts';
import { ProvinceRecordSchema } from '../../src/server/province/ProvinceRecord.ts';
import { ProvinceFeedSettingsSchema } from '../../src/server/province/ProvinceFeedSettings.ts';

const config = shippedHall('yantai', { allDay: true });
const item = config.catalog.items.find((i) => i.department !== undefined) ?? config.catalog.items[0]!;
const settings = ProvinceFeedSettingsSchema.parse({ v: 1, transport: 'file', regionCode: '370602000000', itemCodes: { [item.id]: '11370600MB2855203L3370111009000' }, departmentCodes: item.department ? { [item.department]: '11370600MB2855203L' } : {}, reasonCodes: { 'long-wait': '0201' } });
const ctx = (over: Partial<RecordContext> = {}): RecordContext => ({ settings, config, staffName: (id) => (id === '0501' ? '王芳' : undefined), caseOf: () => ({ projectNo: 'yantai-svc-1', evaluationId: 'ev-1' }), projectOfEvaluation: () => 'yantai-svc-1', ...over });
const given = (channel: EvaluationChannel, over: Partial<Extract<HallEvent, { type: 'EvaluationGiven' }>> = {}): HallEvent => ({
  type: 'EvaluationGiven', v: 1, at: '2026-11-03T10:15:00+08:00', evaluationId: `ev-${channel}`, serviceId: 'svc-1', ticketId: 't-1', level: 'dissatisfied', reasons: ['long-wait', 'attitude'], comment: '等了一个小时', channel, windowId: config.windows[0]!.id, staffId: '0501', itemId: item.id, ...over,
});

describe('province records', () => {
  it('codes the channel pc=1, 移动端=2, 二维码=3, 大厅平板=4, 大厅其他终端=5', () => {
    const pf = Object.fromEntries(EVALUATION_CHANNELS.map((c) => { const r = recordOfEvent(given(c), ctx()); return [c, r?.kind === 'evaluation' ? r.pf : undefined]; }));
    expect(pf).toMatchObject({ web: 1, mobile: 2, 'qr-code': 3, 'hall-pad': 4, 'hall-terminal': 5 });
    expect(new Set(Object.values(pf)).size).toBe(EVALUATION_CHANNELS.length);
    // A province that numbers the hotline otherwise says so in its settings.
    const other = recordOfEvent(given('hotline'), ctx({ settings: { ...settings, channelCodes: { hotline: 9 } } }));
    expect(other?.kind === 'evaluation' && other.pf).toBe(9);
  });

  it('carries the evaluation as the province reads it', () => {
    const r = recordOfEvent(given('hall-pad'), ctx());
    expect(r).toMatchObject({
      kind: 'evaluation', recordId: 'yantai-evaluation-ev-hall-pad', projectNo: 'yantai-svc-1', areaCode: '370600000000', hallName: config.catalog.hall.name,
      taskCode: '11370600MB2855203L3370111009000', taskName: item.name, proDepart: item.department ?? '', windowNo: String(config.windows[0]!.number),
      operateUserGuid: '0501', operateUserName: '王芳', pf: 4, evalNum: 2, levelNumbering: '5-best', evaLevel: '不满意', badReview: true,
      evaCode: ['0201', 'attitude'], evaContent: '等候时间长；服务态度差', writingEvaluation: '等了一个小时', assessTime: '2026-11-03T10:15:00+08:00',
    });
    const gb = recordOfEvent(given('hall-pad', { level: 'very-satisfied', reasons: [] }), ctx({ settings: { ...settings, levelNumbering: '1-best' } }));
    expect(gb).toMatchObject({ evalNum: 1, evaLevel: '非常满意', badReview: false });
    const five = recordOfEvent(given('hall-pad', { level: 'very-satisfied', reasons: [] }), ctx());
    expect(five).toMatchObject({ evalNum: 5 });
  });

  it('records a lapse as not rated and each follow-up step with its text', () => {
    expect(recordOfEvent({ type: 'EvaluationLapsed', v: 1, at: '2026-11-03T10:20:00+08:00', serviceId: 'svc-2', ticketId: 't-2' }, ctx())).toMatchObject({ kind: 'not-rated', projectNo: 'yantai-svc-2', by: 'pad' });
    expect(recordOfEvent({ type: 'FollowUpOpened', v: 1, at: '2026-11-03T10:15:00+08:00', caseId: 'c-1', evaluationId: 'ev-1', deadline: '2026-11-10' }, ctx())).toMatchObject({ kind: 'follow-up', step: 'opened', deadline: '2026-11-10', projectNo: 'yantai-svc-1' });
    expect(recordOfEvent({ type: 'FollowUpAdvanced', v: 1, at: '2026-11-04T09:00:00+08:00', caseId: 'c-1', to: 'rectified', by: 'admin', note: '增开窗口' }, ctx())).toMatchObject({ step: 'rectified', rectification: '增开窗口', recordId: 'yantai-follow-up-c-1-rectified' });
    expect(recordOfEvent({ type: 'FollowUpAdvanced', v: 1, at: '2026-11-04T10:00:00+08:00', caseId: 'c-1', to: 'closed', by: 'admin', note: '已电话回访，满意' }, ctx())).toMatchObject({ step: 'closed', answer: '已电话回访，满意' });
    expect(recordOfEvent({ type: 'WindowClosed', v: 1, at: '2026-11-04T10:00:00+08:00', windowId: 'w1' }, ctx())).toBeUndefined();
  });

  it('takes the 事项 code, the 实施部门 and its code and the region code from the hall definition', () => {
    const defined = {
      ...config,
      catalog: {
        ...config.catalog,
        hall: { ...config.catalog.hall, regionCode: '370613000000' },
        items: config.catalog.items.map((i) => (i.id === item.id ? { ...i, code: '370600-000201-XK-0001', department: '市行政审批服务局', departmentCode: '11370600MB28552XXX' } : i)),
      },
    };
    const r = recordOfEvent(given('hall-pad'), ctx({ config: defined }));
    // The hall definition wins over the settings' code tables (kept for items it gives no code).
    expect(r).toMatchObject({ areaCode: '370613000000', taskCode: '370600-000201-XK-0001', proDepart: '市行政审批服务局', deptCode: '11370600MB28552XXX' });
    // Without a region code in the definition, the settings' one is used (an older hall file).
    const older = { ...config, catalog: { ...config.catalog, hall: { ...config.catalog.hall, regionCode: undefined } } };
    expect(recordOfEvent(given('hall-pad'), ctx({ config: older }))).toMatchObject({ areaCode: '370602000000' });
  });

  it('names the applicant of a phone ticket or booking masked only, a walk-in as unknown', () => {
    const known = recordOfEvent(given('mobile'), ctx({ applicantOf: (t) => (t === 't-1' ? { idMasked: '3706**********1234', phoneMasked: '138****5678' } : undefined) }));
    expect(known).toMatchObject({ userPageType: '111', certKeyMasked: '3706**********1234', mobileMasked: '138****5678' });
    const walkIn = recordOfEvent(given('hall-pad'), ctx());
    expect(walkIn).toMatchObject({ userPageType: '', certKeyMasked: '', mobileMasked: '' });
    // A whole ID number or phone never passes the record schema.
    const leak = { ...known, certKeyMasked: '370602199001011234' };
    expect(ProvinceRecordSchema.safeParse(leak).success).toBe(false);
    expect(ProvinceRecordSchema.safeParse({ ...known, mobileMasked: '13812345678' }).success).toBe(false);
  });
});
