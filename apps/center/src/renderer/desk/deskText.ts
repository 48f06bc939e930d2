// The service desk's words (导服台), in the three console languages; merged into the app's resources in i18n.ts.
export const deskText = {
  'zh-CN': {
    desk: {
      title: '导服台', loginTitle: '导服台登录（工号）', issueTitle: '为群众取号', category: '业务类别', waitingN: '等候 {{n}} 人', waitMinutes: '约 {{n}} 分钟', waitMinutes_none: '无需等候', slipWait: '约 {{n}} 分钟', slipWait_none: '即将叫号',
      noWindow: '暂无开放窗口', closed: '未到办理时间', item: '办理事项（可不选）', anyItem: '不指定事项', green: '绿色通道', greenHint: '老年人、残疾人、孕妇、重点项目等，按本厅规定优先办理',
      ground: '理由', grounds: { elderly: '老年人', disabled: '残疾人', pregnant: '孕妇', 'key-project': '重点项目', other: '其他' }, note: '说明', notePlaceholder: '请写明原因',
      issue: '取号', issueGreen: '取绿色通道号', issued: '已取号 {{number}}', slipTitle: '排队凭条', print: '打印凭条', peopleAhead: '前面 {{n}} 人', scan: '扫码查看排队进度',
      issuedAt: '取号时间 {{time}}', lookupTitle: '查号 / 过号重新排队', lookupNumber: '票号', lookupPlaceholder: '如 A012', lookup: '查询', notFound: '今天没有 {{number}} 这个号',
      status: { waiting: '等候中', called: '已叫号', serving: '办理中', held: '已挂起', 'no-show': '过号', done: '已办结', cancelled: '已取消', expired: '已过期' },
      atWindow: '{{n}}号窗口', ahead: '前面 {{n}} 人', requeue: '重新排队', requeueUntil: '{{time}} 前可重新排队', lateExpired: '已超过重新排队时间（{{time}}）',
      lateNotAllowed: '本厅不允许过号后重新排队', requeued: '{{number}} 已重新排队', refresh: '刷新',
    },
    deskError: {
      'green-note-required': '“其他”理由请写明原因', 'bad-number': '请输入票号，如 A012', 'category-closed': '该业务现在不在办理时间',
      'daily-quota-reached': '该业务今日号已取完', 'ticket-not-no-show': '该号不是过号状态', 'late-arrival-too-late': '已超过允许重新排队的时间',
      'late-arrival-not-allowed': '本厅不允许过号后重新排队', 'unknown-category': '没有这个业务类别', forbidden: '您的账号没有导服台权限',
    },
  },
  'zh-TW': {
    desk: {
      title: '導服台', loginTitle: '導服台登入（工號）', issueTitle: '為民眾取號', category: '業務類別', waitingN: '等候 {{n}} 人', waitMinutes: '約 {{n}} 分鐘', waitMinutes_none: '無需等候', slipWait: '約 {{n}} 分鐘', slipWait_none: '即將叫號',
      noWindow: '暫無開放窗口', closed: '未到辦理時間', item: '辦理事項（可不選）', anyItem: '不指定事項', green: '綠色通道', greenHint: '老年人、身心障礙者、孕婦、重點項目等，按本廳規定優先辦理',
      ground: '理由', grounds: { elderly: '老年人', disabled: '身心障礙者', pregnant: '孕婦', 'key-project': '重點項目', other: '其他' }, note: '說明', notePlaceholder: '請寫明原因',
      issue: '取號', issueGreen: '取綠色通道號', issued: '已取號 {{number}}', slipTitle: '排隊憑條', print: '列印憑條', peopleAhead: '前面 {{n}} 人', scan: '掃碼查看排隊進度',
      issuedAt: '取號時間 {{time}}', lookupTitle: '查號 / 過號重新排隊', lookupNumber: '票號', lookupPlaceholder: '如 A012', lookup: '查詢', notFound: '今天沒有 {{number}} 這個號',
      status: { waiting: '等候中', called: '已叫號', serving: '辦理中', held: '已掛起', 'no-show': '過號', done: '已辦結', cancelled: '已取消', expired: '已過期' },
      atWindow: '{{n}}號窗口', ahead: '前面 {{n}} 人', requeue: '重新排隊', requeueUntil: '{{time}} 前可重新排隊', lateExpired: '已超過重新排隊時間（{{time}}）',
      lateNotAllowed: '本廳不允許過號後重新排隊', requeued: '{{number}} 已重新排隊', refresh: '重新整理',
    },
    deskError: {
      'green-note-required': '「其他」理由請寫明原因', 'bad-number': '請輸入票號，如 A012', 'category-closed': '該業務現在不在辦理時間',
      'daily-quota-reached': '該業務今日號已取完', 'ticket-not-no-show': '該號不是過號狀態', 'late-arrival-too-late': '已超過允許重新排隊的時間',
      'late-arrival-not-allowed': '本廳不允許過號後重新排隊', 'unknown-category': '沒有這個業務類別', forbidden: '您的帳號沒有導服台權限',
    },
  },
  en: {
    desk: {
      title: 'Service desk', loginTitle: 'Service desk sign-in (staff no.)', issueTitle: 'Take a ticket for a citizen', category: 'Queue', waitingN: '{{n}} waiting', waitMinutes: '≈ {{n}} min', waitMinutes_none: 'no wait', slipWait: '≈ {{n}} min', slipWait_none: 'called very soon',
      noWindow: 'No window open', closed: 'Not open now', item: 'Service item (optional)', anyItem: 'No particular item', green: 'Green channel', greenHint: 'Elderly, disabled, pregnant, key projects — served first by the hall’s rules',
      ground: 'Ground', grounds: { elderly: 'Elderly', disabled: 'Disabled', pregnant: 'Pregnant', 'key-project': 'Key project', other: 'Other' }, note: 'Note', notePlaceholder: 'Say why',
      issue: 'Take ticket', issueGreen: 'Take green ticket', issued: 'Ticket {{number}} taken', slipTitle: 'Queue slip', print: 'Print slip', peopleAhead: '{{n}} ahead', scan: 'Scan to follow your place',
      issuedAt: 'Taken at {{time}}', lookupTitle: 'Look up / re-queue a missed ticket', lookupNumber: 'Ticket no.', lookupPlaceholder: 'e.g. A012', lookup: 'Look up', notFound: 'No ticket {{number}} today',
      status: { waiting: 'Waiting', called: 'Called', serving: 'Being served', held: 'On hold', 'no-show': 'Missed', done: 'Done', cancelled: 'Cancelled', expired: 'Expired' },
      atWindow: 'Window {{n}}', ahead: '{{n}} ahead', requeue: 'Back in line', requeueUntil: 'Can re-queue until {{time}}', lateExpired: 'Too late to re-queue (until {{time}})',
      lateNotAllowed: 'This hall does not re-queue missed tickets', requeued: '{{number}} is back in line', refresh: 'Refresh',
    },
    deskError: {
      'green-note-required': 'Say why for “Other”', 'bad-number': 'Enter a ticket number, e.g. A012', 'category-closed': 'This queue is not open now',
      'daily-quota-reached': 'All of today’s numbers of this queue are taken', 'ticket-not-no-show': 'This ticket was not missed', 'late-arrival-too-late': 'Too late to re-queue',
      'late-arrival-not-allowed': 'This hall does not re-queue missed tickets', 'unknown-category': 'No such queue', forbidden: 'Your account has no service-desk rights',
    },
  },
} as const;
