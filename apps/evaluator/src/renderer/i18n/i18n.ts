import { createI18n } from '@hallkit/ui';
import { SETUP_MESSAGES } from '@hallkit/ui/setup/messages';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import en from './en.json';

export const i18n = createI18n({ 'zh-CN': { ...zhCN, ...SETUP_MESSAGES['zh-CN'] }, 'zh-TW': { ...zhTW, ...SETUP_MESSAGES['zh-TW'] }, en: { ...en, ...SETUP_MESSAGES.en } });
