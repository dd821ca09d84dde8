// The messages reports sends staff (scheduled report mails, anomaly alerts), per locale, rendered from a code and parameters.
import { LOCALES, type Locale, type Params } from '@shop/kit';

type Render = (p: Params) => { subject: string; text: string };

const TEXTS = {
  /** scheduledReport { reportName, from, to } */
  scheduledReport: {
    en: (p) => ({ subject: `Report "${p.reportName}": ${p.from} – ${p.to}`, text: `The scheduled report "${p.reportName}" for ${p.from} to ${p.to} (shop time) is attached.` }),
    th: (p) => ({ subject: `รายงาน "${p.reportName}": ${p.from} – ${p.to}`, text: `แนบรายงานตามกำหนดเวลา "${p.reportName}" สำหรับวันที่ ${p.from} ถึง ${p.to} (เวลาร้านค้า) มาพร้อมนี้` }),
    'zh-CN': (p) => ({ subject: `报表“${p.reportName}”：${p.from} – ${p.to}`, text: `附件为定时报表“${p.reportName}”，期间 ${p.from} 至 ${p.to}（店铺时间）。` }),
    'zh-TW': (p) => ({ subject: `報表「${p.reportName}」：${p.from} – ${p.to}`, text: `附件為排程報表「${p.reportName}」，期間 ${p.from} 至 ${p.to}（商店時間）。` }),
    ar: (p) => ({ subject: `التقرير "${p.reportName}": ${p.from} – ${p.to}`, text: `مرفق التقرير المجدول "${p.reportName}" للفترة من ${p.from} إلى ${p.to} (بتوقيت المتجر).` }),
  },
  /** anomalyAlert { metric, day, value, baseline, direction } */
  anomalyAlert: {
    en: (p) => ({
      subject: `Alert: ${p.metric} ${p.direction === 'DROP' ? 'dropped' : 'spiked'} on ${p.day}`,
      text: `${p.metric} on ${p.day} was ${p.value}, against a usual ${p.baseline} on the same weekday of recent weeks. Open Reports → Alerts to acknowledge it.`,
    }),
    th: (p) => ({
      subject: `แจ้งเตือน: ${p.metric} ${p.direction === 'DROP' ? 'ลดลงผิดปกติ' : 'สูงขึ้นผิดปกติ'} วันที่ ${p.day}`,
      text: `${p.metric} วันที่ ${p.day} อยู่ที่ ${p.value} เทียบกับค่าปกติ ${p.baseline} ของวันเดียวกันในสัปดาห์ที่ผ่านมา เปิด รายงาน → การแจ้งเตือน เพื่อรับทราบ`,
    }),
    'zh-CN': (p) => ({
      subject: `警报：${p.day} ${p.metric}${p.direction === 'DROP' ? '异常下降' : '异常上升'}`,
      text: `${p.day} 的 ${p.metric} 为 ${p.value}，近几周同一星期几的通常值为 ${p.baseline}。请在“报表 → 警报”中确认。`,
    }),
    'zh-TW': (p) => ({
      subject: `警示：${p.day} ${p.metric}${p.direction === 'DROP' ? '異常下降' : '異常上升'}`,
      text: `${p.day} 的 ${p.metric} 為 ${p.value}，近幾週同一星期幾的通常值為 ${p.baseline}。請在「報表 → 警示」中確認。`,
    }),
    ar: (p) => ({
      subject: `تنبيه: ${p.direction === 'DROP' ? 'انخفاض' : 'ارتفاع'} ${p.metric} في ${p.day}`,
      text: `بلغت قيمة ${p.metric} في ${p.day} ${p.value}، مقابل ${p.baseline} المعتادة في اليوم نفسه من الأسابيع الأخيرة. افتح التقارير ← التنبيهات للإقرار بها.`,
    }),
  },
} satisfies Record<string, Record<Locale, Render>>;

export type ReportTextCode = keyof typeof TEXTS;

/** The message in `locale` (a configured mail locale; English when unset or not one of the five). */
export function reportText(code: ReportTextCode, locale: string | undefined, params: Params): { subject: string; text: string } {
  const chosen = LOCALES.find((l) => l === locale) ?? 'en';
  return TEXTS[code][chosen](params);
}
