// Plain view model of the home page (views/home.hbs), in the reader's language.
import { t, type Locale } from './i18n';

export interface HomeView {
  title: string;
  product: string;
  tagline: string;
  parts: { name: string; description: string }[];
}

export function homeView(locale: Locale): HomeView {
  return {
    title: 'kubeaula',
    product: 'kubeaula',
    tagline: t(locale, 'home.tagline'),
    parts: ([1, 2, 3] as const).map((n) => ({ name: t(locale, `home.part${n}.name`), description: t(locale, `home.part${n}.text`) })),
  };
}
