// Words of the day-running screens of /admin (issue 14): the staff log-in switch, the auditor's view,
// 调流 with its alarms, and 人员 — in the three console languages; merged into the resources in i18n.ts.
export const dayText = {
  'zh-CN': {
    staffLogin: { title: '值班长 / 好差评督查登录（工号）', toStaff: '值班长、督查：改用工号和PIN', toAdmin: '改用管理员账号' },
    auditor: { readOnly: '只读（好差评督查）' },
  },
  'zh-TW': {
    staffLogin: { title: '值班長 / 好差評督查登入（工號）', toStaff: '值班長、督查：改用工號和PIN', toAdmin: '改用管理員帳號' },
    auditor: { readOnly: '唯讀（好差評督查）' },
  },
  en: {
    staffLogin: { title: 'Supervisor / rating auditor sign-in (staff no.)', toStaff: 'Supervisors, auditors: use staff no. and PIN', toAdmin: 'Use an admin account' },
    auditor: { readOnly: 'Read-only (rating auditor)' },
  },
} as const;
