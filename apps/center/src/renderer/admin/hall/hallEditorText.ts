// The 大厅设置 editor's words in the three console languages (merged into the app's resources as
// `hallEditor` in i18n.ts, so the shared message files stay small). Names from the hall file and the
// center's refusal reasons (codes) are worded in hallProblemText.ts; the editor's own labels live here.
const zhCN = {
  sections: { hall: '大厅与功能区', windows: '窗口', categories: '业务类别与办理时间', items: '事项', calendar: '节假日', policies: '评价与过号规则', versions: '版本历史', workbook: '导入 / 导出' },
  head: '{{name}} · 当前版本 {{version}}',
  save: {
    note: '改动说明（可选）', save: '保存为新版本', discard: '放弃修改', saved: '已保存为版本 {{version}}，正在下发到取号机、叫号屏和评价器。',
    refused: '未保存：请按提示修改后再保存。', refusedBecause: '未保存：{{reason}}', invalidN: '有 {{n}} 处填写有误（见红色提示），改正后才能保存。',
  },
  versions: {
    version: '版本', savedAt: '保存时间', savedBy: '保存人', note: '说明', changes: '改动', rollback: '回滚到此版本',
    confirm: '回滚到版本 {{version}}？（会保存为一个新版本，等候中的号不受影响）', done: '已回滚：版本 {{from}} 的内容现为版本 {{version}}。', refused: '不能回滚：{{reason}}',
  },
  parts: { zones: '功能区', categories: '业务类别', items: '事项', windows: '窗口', calendar: '节假日', hall: '大厅信息', noShow: '过号规则', evaluation: '评价规则', numbering: '取号编号', hardware: '条屏与呼叫器' },
  hall: {
    legend: '大厅信息', id: '大厅编码', name: '名称', nameTW: '繁體名稱', nameEn: '英文名称', address: '地址', timeZone: '时区', publicUrl: '公开网址',
    publicUrlHint: '群众手机扫码打开的地址；留空则用中心的设置', regionCode: '区划代码', regionCodeHint: '12 位行政区划代码（例如 370602000000）；省好差评平台按它收件，留空则评价记录暂不上报', timeZoneHint: '例如 Asia/Shanghai；有取号记录后不能更改', fixedId: '编码不能更改',
  },
  zones: {
    legend: '功能区', id: '编码', name: '名称', location: '楼层位置', locationTW: '繁體楼层位置', locationEn: '英文楼层位置', nameTW: '繁體名稱', nameEn: '英文名称', use: '使用情况', inUse: '{{c}} 个业务类别、{{w}} 个窗口',
    add: '添加功能区', remove: '删除', removeBlocked: '区内还有业务类别或窗口，先把它们移到别的功能区', newId: '新功能区编码', idRule: '编码为小写字母、数字和连字符', idTaken: '编码 {{id}} 已存在',
  },
  policies: {
    evaluation: '好差评', ratingSeconds: '评价器等待评价（秒）', laterRatingDays: '扫码补充评价（天）', followUpWorkingDays: '差评整改期限（工作日）',
    centerLapseMinutes: '评价器离线时记为未评价的宽限（分钟，留空为 120）', followUpHint: '按本省规定填写；期限按本厅节假日日历计算',
    noShow: '过号与迟到', recalls: '过号前须重呼次数', lateAllowed: '过号后到场可重新排队', lateWithin: '过号后多少分钟内可重排', placement: '重排位置', keep: '回到原来的位置', end: '排到队尾',
    numbering: '取号编号', blockSize: '每次分给取号机的号段（个号）', blockHint: '取号机断网时可用这一段号继续取号', range: '{{min}}–{{max}}', whole: '请填写整数',
  },
  categories: { prefix: '前缀', name: '名称', zone: '功能区', hours: '办理时间', holidays: '节假日办理', quota: '每日限额', unlimited: '不限', atLeastOne: '至少办理一个业务类别', unknownPrefix: '没有前缀为 {{list}} 的业务类别', add: '添加业务类别', addButton: '添加', prefixRule: '前缀为 1–2 个大写字母', prefixTaken: '前缀 {{prefix}} 已被使用', nameRequired: '请填写名称', removeBlocked: '还有 {{n}} 个事项属于这个类别：先在「事项」中把它们改到别的类别', restore: '恢复' },
  windows: {
    bulk: '批量设置', windows: '窗口', serves: '办理', apply: '应用', bulkDone: '已设置 {{n}} 个窗口办理 {{cats}}（保存后生效）', zone: '{{zone}}（{{location}}）· {{n}} 个窗口',
    number: '窗口号', label: '标签', labelTW: '繁體标签', labelEn: '英文标签', categories: '办理业务（前缀）', rule: '叫号规则', enterNumbers: '请填写窗口号', noSuchWindows: '没有窗口 {{list}}',
  },
  items: { search: '搜索事项名称、编码或部门', count: '共 {{n}} 项 · 第 {{page}} / {{pages}} 页', prev: '上一页', next: '下一页', code: '事项编码', name: '事项名称', department: '实施部门', category: '业务类别',
    codeHint: '实施清单编码：好差评按它上报', id: '编号 {{id}}', add: '添加事项', addButton: '添加', departmentHint: '选已有部门或填写新部门', departmentCode: '部门编码（可选）', codeRequired: '请填写事项编码', added: '已添加「{{name}}」（保存后生效）' },
  departments: { legend: '实施部门的繁體、英文名称和部门编码', hint: '同一部门的事项一起改', departmentTW: '繁體名稱', departmentEn: '英文名称', code: '部门编码', items: '{{n}} 个事项' },
  calendar: {
    help: '每行一天：「日期 休」为法定节假日（不取号，24 小时自助等标明节假日办理的业务除外），「日期 班」为调休上班的周末（按周一的办理时间）。',
    lineError: '第 {{n}} 行「{{line}}」应为「2026-10-01 休」或「2026-10-10 班」',
    years: '已填写的年份：{{years}}',
  },
  workbook: {
    export: '导出工作簿（.xlsx）', sheets: '工作表：大厅、功能区、业务类别、事项、窗口、人员、节假日（第一行为列名，多余的列会被忽略）。', import: '导入工作簿：',
    cannotPreview: '无法预览：{{reason}}', imported: '已导入为版本 {{version}}。', refused: '未导入：{{reason}}', unusable: '文件无法使用：{{reason}}',
    rows: '工作表行数：{{list}}', staffN: '；人员 {{n}} 人', diff: '{{name}}：新增 {{added}}，修改 {{changed}}，删除 {{removed}}',
    sheet: '工作表', row: '行', column: '列', problem: '问题', confirm: '确认导入', hasErrors: '有错误：不会导入任何内容。请在 Excel 中改正后重新上传。',
  },
  move: {
    title: '还有人在等候', intro: '「{{name}}」还有 {{n}} 人在等候。可以把他们转到另一个业务类别（保持原来的先后顺序），再保存：',
    to: '转到', confirm: '转移 {{n}} 人并保存', cancel: '不保存', moved: '已把 {{n}} 人转到「{{to}}」',
  },
};
type Text = typeof zhCN;

const zhTW: Text = {
  sections: { hall: '大廳與功能區', windows: '窗口', categories: '業務類別與辦理時間', items: '事項', calendar: '節假日', policies: '評價與過號規則', versions: '版本歷史', workbook: '匯入 / 匯出' },
  head: '{{name}} · 目前版本 {{version}}',
  save: {
    note: '變更說明（選填）', save: '儲存為新版本', discard: '放棄修改', saved: '已儲存為版本 {{version}}，正在下發到取號機、叫號屏和評價器。',
    refused: '未儲存：請依提示修改後再儲存。', refusedBecause: '未儲存：{{reason}}', invalidN: '有 {{n}} 處填寫有誤（見紅色提示），改正後才能儲存。',
  },
  versions: {
    version: '版本', savedAt: '儲存時間', savedBy: '儲存人', note: '說明', changes: '變更', rollback: '回復到此版本',
    confirm: '回復到版本 {{version}}？（會儲存為一個新版本，等候中的號不受影響）', done: '已回復：版本 {{from}} 的內容現為版本 {{version}}。', refused: '不能回復：{{reason}}',
  },
  parts: { zones: '功能區', categories: '業務類別', items: '事項', windows: '窗口', calendar: '節假日', hall: '大廳資訊', noShow: '過號規則', evaluation: '評價規則', numbering: '取號編號', hardware: '條屏與呼叫器' },
  hall: {
    legend: '大廳資訊', id: '大廳編碼', name: '名稱', nameTW: '繁體名稱', nameEn: '英文名稱', address: '地址', timeZone: '時區', publicUrl: '公開網址',
    publicUrlHint: '民眾手機掃碼開啟的地址；留空則用中心的設定', regionCode: '區劃代碼', regionCodeHint: '12 位行政區劃代碼（例如 370602000000）；省好差評平台依此收件，留空則評價記錄暫不上報', timeZoneHint: '例如 Asia/Shanghai；有取號紀錄後不能更改', fixedId: '編碼不能更改',
  },
  zones: {
    legend: '功能區', id: '編碼', name: '名稱', location: '樓層位置', locationTW: '繁體樓層位置', locationEn: '英文樓層位置', nameTW: '繁體名稱', nameEn: '英文名稱', use: '使用情況', inUse: '{{c}} 個業務類別、{{w}} 個窗口',
    add: '新增功能區', remove: '刪除', removeBlocked: '區內還有業務類別或窗口，先把它們移到別的功能區', newId: '新功能區編碼', idRule: '編碼為小寫字母、數字和連字號', idTaken: '編碼 {{id}} 已存在',
  },
  policies: {
    evaluation: '好差評', ratingSeconds: '評價器等待評價（秒）', laterRatingDays: '掃碼補充評價（天）', followUpWorkingDays: '差評整改期限（工作日）',
    centerLapseMinutes: '評價器離線時記為未評價的寬限（分鐘，留空為 120）', followUpHint: '依本省規定填寫；期限依本廳節假日日曆計算',
    noShow: '過號與遲到', recalls: '過號前須重呼次數', lateAllowed: '過號後到場可重新排隊', lateWithin: '過號後多少分鐘內可重排', placement: '重排位置', keep: '回到原來的位置', end: '排到隊尾',
    numbering: '取號編號', blockSize: '每次分給取號機的號段（個號）', blockHint: '取號機斷網時可用這一段號繼續取號', range: '{{min}}–{{max}}', whole: '請填寫整數',
  },
  categories: { prefix: '前綴', name: '名稱', zone: '功能區', hours: '辦理時間', holidays: '節假日辦理', quota: '每日限額', unlimited: '不限', atLeastOne: '至少辦理一個業務類別', unknownPrefix: '沒有前綴為 {{list}} 的業務類別', add: '新增業務類別', addButton: '新增', prefixRule: '前綴為 1–2 個大寫字母', prefixTaken: '前綴 {{prefix}} 已被使用', nameRequired: '請填寫名稱', removeBlocked: '還有 {{n}} 個事項屬於這個類別：先在「事項」中把它們改到別的類別', restore: '復原' },
  windows: {
    bulk: '批次設定', windows: '窗口', serves: '辦理', apply: '套用', bulkDone: '已設定 {{n}} 個窗口辦理 {{cats}}（儲存後生效）', zone: '{{zone}}（{{location}}）· {{n}} 個窗口',
    number: '窗口號', label: '標籤', labelTW: '繁體標籤', labelEn: '英文標籤', categories: '辦理業務（前綴）', rule: '叫號規則', enterNumbers: '請填寫窗口號', noSuchWindows: '沒有窗口 {{list}}',
  },
  items: { search: '搜尋事項名稱、編碼或部門', count: '共 {{n}} 項 · 第 {{page}} / {{pages}} 頁', prev: '上一頁', next: '下一頁', code: '事項編碼', name: '事項名稱', department: '實施部門', category: '業務類別',
    codeHint: '實施清單編碼：好差評依此上報', id: '編號 {{id}}', add: '新增事項', addButton: '新增', departmentHint: '選已有部門或填寫新部門', departmentCode: '部門編碼（選填）', codeRequired: '請填寫事項編碼', added: '已新增「{{name}}」（儲存後生效）' },
  departments: { legend: '實施部門的繁體、英文名稱和部門編碼', hint: '同一部門的事項一起改', departmentTW: '繁體名稱', departmentEn: '英文名稱', code: '部門編碼', items: '{{n}} 個事項' },
  calendar: {
    help: '每行一天：「日期 休」為法定節假日（不取號，24 小時自助等標明節假日辦理的業務除外），「日期 班」為調休上班的週末（依週一的辦理時間）。',
    lineError: '第 {{n}} 行「{{line}}」應為「2026-10-01 休」或「2026-10-10 班」',
    years: '已填寫的年份：{{years}}',
  },
  workbook: {
    export: '匯出工作簿（.xlsx）', sheets: '工作表：大厅、功能区、业务类别、事项、窗口、人员、节假日（第一列為欄名，多餘的欄會被忽略）。', import: '匯入工作簿：',
    cannotPreview: '無法預覽：{{reason}}', imported: '已匯入為版本 {{version}}。', refused: '未匯入：{{reason}}', unusable: '檔案無法使用：{{reason}}',
    rows: '工作表列數：{{list}}', staffN: '；人員 {{n}} 人', diff: '{{name}}：新增 {{added}}，修改 {{changed}}，刪除 {{removed}}',
    sheet: '工作表', row: '列', column: '欄', problem: '問題', confirm: '確認匯入', hasErrors: '有錯誤：不會匯入任何內容。請在 Excel 中改正後重新上傳。',
  },
  move: {
    title: '還有人在等候', intro: '「{{name}}」還有 {{n}} 人在等候。可以把他們轉到另一個業務類別（保持原來的先後順序），再儲存：',
    to: '轉到', confirm: '轉移 {{n}} 人並儲存', cancel: '不儲存', moved: '已把 {{n}} 人轉到「{{to}}」',
  },
};

const en: Text = {
  sections: { hall: 'Hall and zones', windows: 'Windows', categories: 'Categories and hours', items: 'Service items', calendar: 'Holidays', policies: 'Rating and no-show rules', versions: 'Versions', workbook: 'Import / export' },
  head: '{{name}} · version {{version}} in force',
  save: {
    note: 'What changed (optional)', save: 'Save as a new version', discard: 'Discard changes', saved: 'Saved as version {{version}}; sending it to kiosks, boards and pads.',
    refused: 'Not saved: fix the fields marked and save again.', refusedBecause: 'Not saved: {{reason}}', invalidN: '{{n}} field(s) are wrong (marked in red); fix them to save.',
  },
  versions: {
    version: 'Version', savedAt: 'Saved at', savedBy: 'Saved by', note: 'Note', changes: 'Changes', rollback: 'Roll back to this version',
    confirm: 'Roll back to version {{version}}? (It is saved as a new version; waiting tickets are not affected.)', done: 'Rolled back: version {{from}} is now version {{version}}.', refused: 'Cannot roll back: {{reason}}',
  },
  parts: { zones: 'Zones', categories: 'Categories', items: 'Items', windows: 'Windows', calendar: 'Holidays', hall: 'Hall info', noShow: 'No-show rules', evaluation: 'Rating rules', numbering: 'Numbering', hardware: 'Strips and keypads' },
  hall: {
    legend: 'Hall', id: 'Hall code', name: 'Name', nameTW: 'Name (Traditional)', nameEn: 'Name (English)', address: 'Address', timeZone: 'Time zone', publicUrl: 'Public address',
    publicUrlHint: 'Opened by citizens’ phones from ticket QR codes; empty: the center’s setting', regionCode: 'Region code (区划代码)', regionCodeHint: '12 digits (e.g. 370602000000); the provincial 好差评 platform files records by it — empty: records wait', timeZoneHint: 'e.g. Asia/Shanghai; cannot change once tickets exist', fixedId: 'The code cannot change',
  },
  zones: {
    legend: 'Zones', id: 'Code', name: 'Name', location: 'Floor / location', locationTW: 'Location (Traditional)', locationEn: 'Location (English)', nameTW: 'Name (Traditional)', nameEn: 'Name (English)', use: 'In use', inUse: '{{c}} categories, {{w}} windows',
    add: 'Add zone', remove: 'Remove', removeBlocked: 'Categories or windows are still in this zone; move them first', newId: 'New zone code', idRule: 'Lower-case letters, digits and hyphens', idTaken: 'Code {{id}} exists already',
  },
  policies: {
    evaluation: 'Ratings (好差评)', ratingSeconds: 'Pad waits for a rating (seconds)', laterRatingDays: 'Rate later by QR code (days)', followUpWorkingDays: 'Bad review rectified within (working days)',
    centerLapseMinutes: 'Grace before an offline pad’s service counts as not rated (minutes; empty: 120)', followUpHint: 'As your province rules; counted on this hall’s holiday calendar',
    noShow: 'No-show and late arrival', recalls: 'Recalls before a no-show', lateAllowed: 'A late citizen may re-queue', lateWithin: 'Re-queue within (minutes after the no-show)', placement: 'Re-queued to', keep: 'their original place', end: 'the end of the line',
    numbering: 'Numbering', blockSize: 'Numbers leased to a kiosk at a time', blockHint: 'A kiosk keeps issuing from its block when the network is down', range: '{{min}}–{{max}}', whole: 'Enter a whole number',
  },
  categories: { prefix: 'Prefix', name: 'Name', zone: 'Zone', hours: 'Opening hours', holidays: 'Open on holidays', quota: 'Daily quota', unlimited: 'no limit', atLeastOne: 'Serve at least one category', unknownPrefix: 'No category has the prefix {{list}}', add: 'Add a category', addButton: 'Add', prefixRule: 'The prefix is 1–2 capital letters', prefixTaken: 'Prefix {{prefix}} is taken', nameRequired: 'Enter a name', removeBlocked: '{{n}} service item(s) belong to this category: move them to another one first (Service items)', restore: 'Put back' },
  windows: {
    bulk: 'Bulk change', windows: 'Windows', serves: 'serve', apply: 'Apply', bulkDone: '{{n}} windows now serve {{cats}} (after saving)', zone: '{{zone}} ({{location}}) · {{n}} windows',
    number: 'Window', label: 'Label', labelTW: 'Label (Traditional)', labelEn: 'Label (English)', categories: 'Serves (prefixes)', rule: 'Calling rule', enterNumbers: 'Enter window numbers', noSuchWindows: 'No window {{list}}',
  },
  items: { search: 'Search item name, code or department', count: '{{n}} items · page {{page}} / {{pages}}', prev: 'Previous', next: 'Next', code: 'Item code', name: 'Item name', department: 'Department', category: 'Category',
    codeHint: 'The province’s item code (实施清单编码): ratings are reported under it', id: 'ID {{id}}', add: 'Add a service item', addButton: 'Add', departmentHint: 'Pick a department or type a new one', departmentCode: 'Department code (optional)', codeRequired: 'Enter the item code', added: '“{{name}}” added (after saving)' },
  departments: { legend: 'Departments in Traditional Chinese and English, and their codes', hint: 'Changes every item of the department', departmentTW: 'Name (Traditional)', departmentEn: 'Name (English)', code: 'Department code', items: '{{n}} items' },
  calendar: {
    help: 'One day a line: “date 休” is a public holiday (no tickets, except categories open on holidays such as 24-hour self-service); “date 班” is a weekend worked in exchange (Monday’s hours).',
    lineError: 'Line {{n}} “{{line}}” should read “2026-10-01 休” or “2026-10-10 班”',
    years: 'Years filled in: {{years}}',
  },
  workbook: {
    export: 'Export workbook (.xlsx)', sheets: 'Sheets: 大厅, 功能区, 业务类别, 事项, 窗口, 人员, 节假日 (first row = headers; extra columns are ignored).', import: 'Import workbook:',
    cannotPreview: 'Cannot preview: {{reason}}', imported: 'Imported as version {{version}}.', refused: 'Not imported: {{reason}}', unusable: 'File cannot be used: {{reason}}',
    rows: 'Rows per sheet: {{list}}', staffN: '; {{n}} staff', diff: '{{name}}: {{added}} added, {{changed}} changed, {{removed}} removed',
    sheet: 'Sheet', row: 'Row', column: 'Column', problem: 'Problem', confirm: 'Confirm import', hasErrors: 'There are errors: nothing will be imported. Fix them in Excel and upload again.',
  },
  move: {
    title: 'Citizens are still waiting', intro: '{{n}} citizen(s) are waiting for “{{name}}”. Move them to another category (keeping their order) and save:',
    to: 'Move to', confirm: 'Move {{n}} and save', cancel: 'Do not save', moved: 'Moved {{n}} to “{{to}}”',
  },
};

export const hallEditorText = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
