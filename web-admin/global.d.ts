import type { Locale } from './i18n/config';
import type afterSales from './messages/en/afterSales.json';
import type behaviour from './messages/en/behaviour.json';
import type batch from './messages/en/batch.json';
import type bulk from './messages/en/bulk.json';
import type catalog from './messages/en/catalog.json';
import type fulfilment from './messages/en/fulfilment.json';
import type groupBuys from './messages/en/groupBuys.json';
import type consoleMessages from './messages/en/console.json';
import type content from './messages/en/content.json';
import type documents from './messages/en/documents.json';
import type loyalty from './messages/en/loyalty.json';
import type memberDesk from './messages/en/memberDesk.json';
import type members from './messages/en/members.json';
import type orders from './messages/en/orders.json';
import type recommendations from './messages/en/recommendations.json';
import type segments from './messages/en/segments.json';
import type statistics from './messages/en/statistics.json';
import type privacy from './messages/en/privacy.json';
import type promotions from './messages/en/promotions.json';
import type quality from './messages/en/quality.json';
import type reports from './messages/en/reports.json';
import type webhooks from './messages/en/webhooks.json';
import type settings from './messages/en/settings.json';

// Makes next-intl check locales and message keys at compile time (the en files are the reference).
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof consoleMessages & typeof catalog & typeof bulk & typeof orders & typeof members & typeof loyalty & typeof behaviour & typeof statistics & typeof memberDesk & typeof privacy & typeof recommendations & typeof segments & typeof content & typeof promotions & typeof groupBuys & typeof coupons & typeof flashSales & typeof fulfilment & typeof afterSales & typeof quality & typeof documents & typeof batch & typeof webhooks & typeof settings & typeof reports;
  }
}
