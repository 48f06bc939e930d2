// The apps ship their own CJK font (Noto Sans SC, split by unicode range so a page loads only the
// glyphs it shows) instead of relying on whatever fonts a kiosk PC or signage box has installed.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-sans-sc/900.css';

export const CJK_FONT_STACK = "'Noto Sans SC', sans-serif";
