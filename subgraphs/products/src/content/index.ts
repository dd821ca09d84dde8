// Catalog text: rich-text descriptions as stored, and the locales texts are kept and answered in.
export { sanitizeDescription } from './html.js';
export { answerLocale, isTranslationLocale, TRANSLATION_LOCALES, type Locale } from './locale.js';
