import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import id from './id';
import type { Lang } from '@/lib/datetime';

const KEY = 'pendamping.lang';

/** Indonesian is bundled; English loads on demand (a person on a metered line pays only for their language). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  lng: 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});

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
