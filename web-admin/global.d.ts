import type { Locale } from './i18n/config';
import type messages from './messages/en.json';

// Makes next-intl check locales and message keys at compile time (en.json is the reference).
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
