// Words of 申诉 (申诉复核 of a 差评) on the 差评跟进 tab and in the reports, in the three console
// languages; `appeal` joins each language's resources and `appealError` its `error` codes (i18n.ts).
export const appealText = {
  'zh-CN': {
    appeal: {
      file: '申诉', fileTitle: '申诉差评 {{ticket}}', reason: '申诉理由（必填，最多 500 字）', submit: '提交申诉',
      reasonRequired: '请填写申诉理由', reasonTooLong: '申诉理由最多 500 字（现在 {{n}} 字）',
      state: { filed: '申诉中', upheld: '申诉成立', rejected: '申诉不成立' },
      filedBy: '{{by}} {{at}} 申诉：{{reason}}', enteredBy: '（{{by}} 代为提交）', decidedBy: '{{by}} {{at}} 复核', note: '：{{note}}',
      uphold: '申诉成立', reject: '申诉不成立', decideTitle: '{{ticket}} · {{outcome}}', decideNote: '复核说明（可选）',
      decideMessage: '申诉成立的差评不计入满意率和差评数（报表另计“申诉成立”），也无需回访整改。', reportColumn: '申诉成立', noFollowUp: '无需回访整改',
    },
    appealError: {
      'already-appealed': '这条差评已经申诉过了', 'no-appeal': '这条差评没有待复核的申诉', 'appeal-decided': '这条申诉已经复核过了',
      'appeal-own-decision': '申诉须由另一位管理员复核：提交或代为提交申诉的人不能复核', 'appeal-pending': '申诉复核之前不能办结', 'appeal-upheld': '申诉已成立，这条差评无需回访整改',
      'appeal-needs-reason': '请填写申诉理由', 'follow-up-closed': '这条差评已办结，不能再申诉', 'unknown-follow-up': '没有这条差评跟进（只有差评可以申诉）',
      'appeal-not-allowed': '只有管理员或本区域值班长可以提交申诉', 'not-your-zone': '这条差评不在您管理的区域', 'appeal-decision-admin-only': '申诉由管理员复核',
    },
  },
  'zh-TW': {
    appeal: {
      file: '申訴', fileTitle: '申訴差評 {{ticket}}', reason: '申訴理由（必填，最多 500 字）', submit: '提交申訴',
      reasonRequired: '請填寫申訴理由', reasonTooLong: '申訴理由最多 500 字（現在 {{n}} 字）',
      state: { filed: '申訴中', upheld: '申訴成立', rejected: '申訴不成立' },
      filedBy: '{{by}} {{at}} 申訴：{{reason}}', enteredBy: '（{{by}} 代為提交）', decidedBy: '{{by}} {{at}} 複核', note: '：{{note}}',
      uphold: '申訴成立', reject: '申訴不成立', decideTitle: '{{ticket}} · {{outcome}}', decideNote: '複核說明（選填）',
      decideMessage: '申訴成立的差評不計入滿意率和差評數（報表另計「申訴成立」），也無需回訪整改。', reportColumn: '申訴成立', noFollowUp: '無需回訪整改',
    },
    appealError: {
      'already-appealed': '這條差評已經申訴過了', 'no-appeal': '這條差評沒有待複核的申訴', 'appeal-decided': '這條申訴已經複核過了',
      'appeal-own-decision': '申訴須由另一位管理員複核：提交或代為提交申訴的人不能複核', 'appeal-pending': '申訴複核之前不能辦結', 'appeal-upheld': '申訴已成立，這條差評無需回訪整改',
      'appeal-needs-reason': '請填寫申訴理由', 'follow-up-closed': '這條差評已辦結，不能再申訴', 'unknown-follow-up': '沒有這條差評跟進（只有差評可以申訴）',
      'appeal-not-allowed': '只有管理員或本區域值班長可以提交申訴', 'not-your-zone': '這條差評不在您管理的區域', 'appeal-decision-admin-only': '申訴由管理員複核',
    },
  },
  en: {
    appeal: {
      file: 'Appeal', fileTitle: 'Appeal bad review {{ticket}}', reason: 'Why the rating is mistaken (required, up to 500 characters)', submit: 'File appeal',
      reasonRequired: 'Please give the reason for the appeal', reasonTooLong: 'At most 500 characters (now {{n}})',
      state: { filed: 'Appeal pending', upheld: 'Appeal upheld', rejected: 'Appeal rejected' },
      filedBy: '{{by}} appealed {{at}}: {{reason}}', enteredBy: ' (entered by {{by}})', decidedBy: 'reviewed by {{by}} {{at}}', note: ': {{note}}',
      uphold: 'Uphold appeal', reject: 'Reject appeal', decideTitle: '{{ticket}} · {{outcome}}', decideNote: 'Review note (optional)',
      decideMessage: 'A bad review whose appeal is upheld leaves the satisfaction rate and the bad-review count (reports show it as "Appeal upheld") and needs no follow-up.', reportColumn: 'Appeal upheld', noFollowUp: 'No follow-up needed',
    },
    appealError: {
      'already-appealed': 'This bad review has already been appealed', 'no-appeal': 'This bad review has no appeal waiting for review', 'appeal-decided': 'This appeal has already been reviewed',
      'appeal-own-decision': 'Another admin must review the appeal: whoever filed or entered it cannot', 'appeal-pending': 'Review the appeal before closing the case', 'appeal-upheld': 'The appeal was upheld: this bad review needs no follow-up',
      'appeal-needs-reason': 'Please give the reason for the appeal', 'follow-up-closed': 'This bad review is closed and can no longer be appealed', 'unknown-follow-up': 'No such bad-review case (only bad reviews can be appealed)',
      'appeal-not-allowed': 'Only an admin or the zone supervisor may file an appeal', 'not-your-zone': 'This bad review is not in your zones', 'appeal-decision-admin-only': 'An admin reviews appeals',
    },
  },
} as const;
