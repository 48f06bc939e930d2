import { createI18n } from '@hallkit/ui';
import { SETUP_MESSAGES } from '@hallkit/ui/setup/messages';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import en from './en.json';
import { CITIZEN_MESSAGES } from './citizenMessages.ts';

type Messages = Record<string, unknown>;
const isObject = (v: unknown): v is Messages => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The kiosk's messages over the shared set-up messages, merged per key: both have a `device`
 * group, and a shallow spread let the set-up one replace the kiosk's (the technician screen then
 * showed raw keys such as `device.ready`).
 */
function merge(base: Messages, own: Messages): Messages {
  const out: Messages = { ...base };
  for (const [k, v] of Object.entries(own)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
  return out;
}

export const i18n = createI18n({
  'zh-CN': merge(merge(SETUP_MESSAGES['zh-CN'], zhCN), CITIZEN_MESSAGES['zh-CN']),
  'zh-TW': merge(merge(SETUP_MESSAGES['zh-TW'], zhTW), CITIZEN_MESSAGES['zh-TW']),
  en: merge(merge(SETUP_MESSAGES.en, en), CITIZEN_MESSAGES.en),
});
