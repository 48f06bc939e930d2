// The first-run admin set-up page's words (/setup), in the three console languages.
export const setupText = {
  'zh-CN': {
    title: '首次设置管理员', heading: '为管理员 {{user}} 设置密码', hint: '密码至少 {{n}} 位；设置后即登录管理控制台，此链接随即失效。',
    password: '新密码', again: '再输入一次', submit: '设置并登录', tooShort: '密码至少 {{n}} 位', mismatch: '两次输入的密码不一致',
    invalid: '设置链接无效、已用过或已过期。请大厅IT人员重新运行 hallkit-center admin create。',
    error: { 'link-invalid': '设置链接无效、已用过或已过期', 'weak-password': '密码太简单，请换一个' },
  },
  'zh-TW': {
    title: '首次設定管理員', heading: '為管理員 {{user}} 設定密碼', hint: '密碼至少 {{n}} 位；設定後即登入管理控制台，此連結隨即失效。',
    password: '新密碼', again: '再輸入一次', submit: '設定並登入', tooShort: '密碼至少 {{n}} 位', mismatch: '兩次輸入的密碼不一致',
    invalid: '設定連結無效、已用過或已過期。請大廳IT人員重新執行 hallkit-center admin create。',
    error: { 'link-invalid': '設定連結無效、已用過或已過期', 'weak-password': '密碼太簡單，請換一個' },
  },
  en: {
    title: 'First-run admin set-up', heading: 'Choose a password for admin {{user}}', hint: 'At least {{n}} characters; you are then signed in to the admin console and this link stops working.',
    password: 'New password', again: 'Once more', submit: 'Set and sign in', tooShort: 'At least {{n}} characters', mismatch: 'The two passwords differ',
    invalid: 'This set-up link is invalid, used or expired. Ask hall IT to run hallkit-center admin create again.',
    error: { 'link-invalid': 'This set-up link is invalid, used or expired', 'weak-password': 'Too simple a password; choose another' },
  },
} as const;
