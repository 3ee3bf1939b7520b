import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import first from './id/first';
import type { Lang } from '@/lib/datetime';

const KEY = 'pendamping.lang';

/**
 * The first screen's Indonesian is bundled, the rest comes with the first page after it (loadAllText); English
 * loads on demand (a person on a metered line pays only for their language and the pages they open).
 */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: first } },
  lng: 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});

let allText: Promise<void> | undefined;
/** The Indonesian text of every page; awaited by each page after the first screen before it renders. */
export function loadAllText(): Promise<void> {
  allText ??= import('./id/rest').then(
    ({ default: rest }) => void i18n.addResourceBundle('id', 'translation', rest, true, false),
    (error: unknown) => {
      allText = undefined; // a dropped connection: the next page tries again
      throw error;
    },
  );
  return allText;
}

export async function setLang(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const en = (await import('./en')).default;
    i18n.addResourceBundle('en', 'translation', en);
  }
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/** The translation function and the current language, typed for the date formatter. */
export function useT() {
  const { t, i18n: instance } = useTranslation();
  return { t, lang: (instance.language === 'en' ? 'en' : 'id') as Lang };
}

export default i18n;
