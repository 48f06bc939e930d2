// 手機頁面的繁體中文文案（缺的鍵回落到簡體中文）。
export default {
  nav: { queue: '排隊情況', follow: '我的排隊', take: '線上取號', book: '預約', progress: '辦件進度' },
  common: { loading: '載入中…', retry: '重試', back: '返回', cancel: '取消', confirm: '確定', minutes: '{{n}} 分鐘', offline: '網路中斷，正在重新連線…', idHint: '身分證號僅用於核驗，頁面只顯示遮蔽號碼' },
  login: { title: '手機號登入', phone: '手機號', code: '驗證碼', send: '取得驗證碼', resend: '{{s}} 秒後重發', submit: '登入', demo: '示範環境：驗證碼寫在中心日誌裡（不發真簡訊）', as: '已登入 {{phone}}', logout: '登出' },
  follow: {
    title: '排隊進度', number: '您的號碼', waiting: '前面還有 {{n}} 人', estimate: '預計等候約 {{n}} 分鐘', noWindow: '暫無窗口辦理此業務，請稍候',
    called: '請到 {{w}} 號窗口辦理', recalled: '第 {{n}} 次重呼：請盡快到 {{w}} 號窗口', held: '您的號碼已掛起，請留意 {{w}} 號窗口回呼',
    noShow: '已過號：請到服務台或取號機重新排隊', done: '業務已辦結，感謝您的耐心', cancelled: '該號碼已取消', live: '即時更新，無需重新整理',
    enableAlert: '開啟聲音和震動提醒', alertOn: '提醒已開啟', notFound: '找不到這張票：連結可能有誤或已過期',
  },
  rate: {
    title: '補充評價', prompt: '請為 {{w}} 號窗口的服務評分', promptNoWindow: '請為本次服務評分', until: '可在 {{day}} 前評價', reasons: '請選擇不滿意的原因（至少一項）',
    comment: '意見建議（選填）', submit: '提交評價', thanks: '感謝您的評價！', given: '本次服務已評價，感謝您的參與', closed: '評價期已過',
    atWindow: '請先在 {{w}} 號窗口的評價器上評價；窗口評價結束後可在此補充評價（最遲 {{time}} 開放）',
    atWindowNoWindow: '請先在窗口評價器上評價；窗口評價結束後可在此補充評價（最遲 {{time}} 開放）',
    levels: { 'very-satisfied': '非常滿意', satisfied: '滿意', 'basically-satisfied': '基本滿意', dissatisfied: '不滿意', 'very-dissatisfied': '非常不滿意' },
  },
  take: {
    remind: '簡訊提醒我：前面還剩幾人時和叫到我時各發一則',
    title: '線上取號', intro: '線上號與現場號同一隊列，按取號時間排隊。到廳後請留意叫號。', category: '辦理業務', item: '具體事項（選填）', idNumber: '身分證號',
    left: '今日線上號剩餘 {{n}} 個', closed: '目前不在辦理時間', submit: '取號', got: '取號成功：{{number}}', follow: '查看排隊進度', mine: '今日我的線上號',
    cancel: '取消此號', cancelled: '已取消', none: '今天還沒有線上號',
  },
  book: {
    remind: '預約前一天簡訊提醒我',
    title: '預約辦理', intro: '選擇事項、日期和時段；到廳後在任一自助取號機輸入或掃描預約碼簽到，取得優先號。', category: '辦理業務', item: '具體事項（選填）',
    day: '日期', slot: '時段', free: '餘 {{n}}', full: '已滿', past: '已過', idNumber: '預約人身分證號', submit: '提交預約', none: '該業務暫不開放預約',
    code: '預約碼', qr: '到廳後在自助取號機掃描此碼簽到', checkIn: '簽到時間：時段開始前 {{early}} 分鐘至結束後 {{late}} 分鐘', holder: '預約人',
    status: { booked: '已預約', 'checked-in': '已簽到', cancelled: '已取消' }, cancel: '取消預約', move: '改約', moveTo: '改到所選時段', mine: '我的預約', open: '查看',
    ticket: '簽到所得號碼：{{number}}', loginToChange: '登入預約時的手機號後可取消或改約',
  },
  progress: {
    title: '辦件進度查詢', intro: '輸入受理回執上的受理編號，像查快遞一樣查看辦件進度。', code: '受理編號', submit: '查詢', applicant: '申請人', department: '承辦部門',
    accepted: '受理時間', due: '承諾辦結', tracking: '郵寄單號', status: { 'in-progress': '辦理中', completed: '已辦結', 'needs-supplement': '需補正材料', rejected: '不予受理' },
    step: { done: '已完成', current: '進行中', pending: '未開始' },
  },
  queue: { title: '排隊情況', intro: '各業務目前等候人數和預計等候時間，即時更新。', waiting: '{{n}} 人等候', estimate: '新取號約等 {{n}} 分鐘', noWindow: '暫無窗口辦理', closed: '目前不辦理', lastCalled: '剛叫 {{number}}', live: '即時更新 · {{time}}', take: '線上取號', more: '查看各業務排隊情況', link: '查看各業務排隊情況' },
  home: { title: '{{hall}}', subtitle: '掃碼排隊 · 線上取號 · 預約 · 進度查詢 · 評價', followHint: '掃描號票上的二維碼即可查看排隊進度' },
  errors: {
    'bad-request': '填寫的內容不完整或格式不對', 'login-required': '請先用手機號登入', 'rate-limited': '操作太頻繁，請稍後再試', 'not-found': '沒有找到相關記錄',
    'not-yours': '這不是您的預約或號碼', 'bad-id-number': '證件號碼不正確，請核對（最後一位校驗碼、出生日期）。可用居民身分證、港澳台居民居住證或外國人永久居留身分證', 'slot-full': '該時段已約滿，請選擇其他時段', 'already-booked': '該身分證號當天已預約此業務',
    'quota-exhausted': '今日該業務線上號已取完（每日 {{quota}} 個），請到現場取號', 'id-limit': '同一身分證號每天每項業務限取 {{limit}} 個線上號',
    'phone-limit': '同一手機號每天限取 {{limit}} 個線上號', 'category-closed': '目前不在該業務的辦理時間', 'already-evaluated': '本次服務已經評價過了，每次服務只能評價一次',
    'evaluation-closed': '已超過可評價的期限', 'evaluation-needs-reason': '不滿意的評價請至少選擇一個原因', 'evaluation-pending-at-window': '請先在窗口評價器評價，窗口評價結束後才能補充評價', 'wrong-code': '驗證碼不正確', network: '網路異常，請檢查網路後重試', unknown: '出錯了，請稍後再試',
  },
};
