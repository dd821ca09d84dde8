// The messages members sends, per template and locale (en, th, zh-CN, zh-TW, ar), rendered from code and parameters.
import type { MemberLocale } from '../service.js';

/** Parameters a sender puts in the job: ids, codes and numbers, never an address or a name. */
export type TemplateParams = Record<string, string | number>;

/** What a template sees: its parameters and the member's display name, read at send time. */
interface RenderInput {
  name: string;
  params: TemplateParams;
}

interface Rendered {
  subject: string;
  text: string;
}

type Render = (input: RenderInput) => Rendered;

interface Template {
  /** Marketing messages go only to members who granted e-mail consent; service messages always go. */
  kind: 'service' | 'marketing';
  locales: Record<MemberLocale, Render>;
}

/** passwordReset { token, minutes }: the one-time token and how long it lasts. */
const passwordReset: Template = {
  kind: 'service',
  locales: {
    en: ({ name, params }) => ({
      subject: 'Reset your password',
      text: `Hello ${name},\n\nUse this code to choose a new password within ${params.minutes} minutes:\n\n${params.token}\n\nIf you did not ask for this, ignore this message; your password stays as it is.`,
    }),
    th: ({ name, params }) => ({
      subject: 'ตั้งรหัสผ่านใหม่',
      text: `สวัสดีคุณ ${name}\n\nใช้รหัสนี้เพื่อตั้งรหัสผ่านใหม่ภายใน ${params.minutes} นาที:\n\n${params.token}\n\nหากคุณไม่ได้ขอ โปรดเพิกเฉยข้อความนี้ รหัสผ่านของคุณจะไม่เปลี่ยนแปลง`,
    }),
    'zh-CN': ({ name, params }) => ({
      subject: '重置您的密码',
      text: `${name}，您好：\n\n请在 ${params.minutes} 分钟内使用以下代码设置新密码：\n\n${params.token}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。`,
    }),
    'zh-TW': ({ name, params }) => ({
      subject: '重設您的密碼',
      text: `${name}，您好：\n\n請在 ${params.minutes} 分鐘內使用以下代碼設定新密碼：\n\n${params.token}\n\n如果這不是您本人的操作，請忽略此郵件，您的密碼不會改變。`,
    }),
    ar: ({ name, params }) => ({
      subject: 'إعادة تعيين كلمة المرور',
      text: `مرحبًا ${name}،\n\nاستخدم هذا الرمز لاختيار كلمة مرور جديدة خلال ${params.minutes} دقيقة:\n\n${params.token}\n\nإذا لم تطلب ذلك، فتجاهل هذه الرسالة؛ ستبقى كلمة المرور كما هي.`,
    }),
  },
};

/** birthday { points }: the birthday greeting, with the points given (0 for none). */
const birthday: Template = {
  kind: 'marketing',
  locales: {
    en: ({ name, params }) => ({
      subject: 'Happy birthday!',
      text: `Happy birthday, ${name}!${Number(params.points) > 0 ? `\n\nWe added ${params.points} points to your account as a gift.` : ''}`,
    }),
    th: ({ name, params }) => ({
      subject: 'สุขสันต์วันเกิด!',
      text: `สุขสันต์วันเกิดคุณ ${name}!${Number(params.points) > 0 ? `\n\nเราได้เพิ่ม ${params.points} คะแนนในบัญชีของคุณเป็นของขวัญ` : ''}`,
    }),
    'zh-CN': ({ name, params }) => ({
      subject: '生日快乐！',
      text: `${name}，生日快乐！${Number(params.points) > 0 ? `\n\n我们已向您的账户赠送 ${params.points} 积分。` : ''}`,
    }),
    'zh-TW': ({ name, params }) => ({
      subject: '生日快樂！',
      text: `${name}，生日快樂！${Number(params.points) > 0 ? `\n\n我們已在您的帳戶中贈送 ${params.points} 點數。` : ''}`,
    }),
    ar: ({ name, params }) => ({
      subject: 'عيد ميلاد سعيد!',
      text: `عيد ميلاد سعيد يا ${name}!${Number(params.points) > 0 ? `\n\nأضفنا ${params.points} نقطة إلى حسابك هديةً لك.` : ''}`,
    }),
  },
};

/** The tier names as members read them. */
const TIER_NAMES: Record<MemberLocale, Record<string, string>> = {
  en: { BRONZE: 'Bronze', SILVER: 'Silver', GOLD: 'Gold', PLATINUM: 'Platinum' },
  th: { BRONZE: 'บรอนซ์', SILVER: 'ซิลเวอร์', GOLD: 'โกลด์', PLATINUM: 'แพลทินัม' },
  'zh-CN': { BRONZE: '铜卡', SILVER: '银卡', GOLD: '金卡', PLATINUM: '白金卡' },
  'zh-TW': { BRONZE: '銅卡', SILVER: '銀卡', GOLD: '金卡', PLATINUM: '白金卡' },
  ar: { BRONZE: 'البرونزي', SILVER: 'الفضي', GOLD: 'الذهبي', PLATINUM: 'البلاتيني' },
};

const tierName = (locale: MemberLocale, tier: string | number) => TIER_NAMES[locale][String(tier)] ?? String(tier);

/** tierChange { tier }: the member's new tier code. */
const tierChange: Template = {
  kind: 'service',
  locales: {
    en: ({ name, params }) => ({
      subject: 'Your membership tier changed',
      text: `Hello ${name},\n\nYour membership tier is now ${tierName('en', params.tier!)}.`,
    }),
    th: ({ name, params }) => ({
      subject: 'ระดับสมาชิกของคุณเปลี่ยนแล้ว',
      text: `สวัสดีคุณ ${name}\n\nระดับสมาชิกของคุณตอนนี้คือ ${tierName('th', params.tier!)}`,
    }),
    'zh-CN': ({ name, params }) => ({
      subject: '您的会员等级已变更',
      text: `${name}，您好：\n\n您当前的会员等级为${tierName('zh-CN', params.tier!)}。`,
    }),
    'zh-TW': ({ name, params }) => ({
      subject: '您的會員等級已變更',
      text: `${name}，您好：\n\n您目前的會員等級為${tierName('zh-TW', params.tier!)}。`,
    }),
    ar: ({ name, params }) => ({
      subject: 'تغيّر مستوى عضويتك',
      text: `مرحبًا ${name}،\n\nمستوى عضويتك الآن هو ${tierName('ar', params.tier!)}.`,
    }),
  },
};

/** winBack {}: a "we miss you" message to a member who has not ordered for a while. */
const winBack: Template = {
  kind: 'marketing',
  locales: {
    en: ({ name }) => ({ subject: 'We miss you', text: `Hello ${name},\n\nIt has been a while. Come and see what is new in the shop.` }),
    th: ({ name }) => ({ subject: 'เราคิดถึงคุณ', text: `สวัสดีคุณ ${name}\n\nไม่ได้พบกันนาน แวะมาดูสินค้าใหม่ในร้านของเรานะ` }),
    'zh-CN': ({ name }) => ({ subject: '我们想念您', text: `${name}，您好：\n\n好久不见，快来看看店里的新品吧。` }),
    'zh-TW': ({ name }) => ({ subject: '我們想念您', text: `${name}，您好：\n\n好久不見，快來看看店裡的新品吧。` }),
    ar: ({ name }) => ({ subject: 'اشتقنا إليك', text: `مرحبًا ${name}،\n\nمرّ وقت طويل. تعال واكتشف الجديد في المتجر.` }),
  },
};

export const TEMPLATES = { passwordReset, birthday, tierChange, winBack } satisfies Record<string, Template>;

export type TemplateCode = keyof typeof TEMPLATES;

export function isTemplateCode(code: string): code is TemplateCode {
  return Object.hasOwn(TEMPLATES, code);
}

/** The message in the member's locale (English when they chose none). */
export function renderTemplate(code: TemplateCode, locale: MemberLocale | null, input: RenderInput): Rendered {
  return TEMPLATES[code].locales[locale ?? 'en'](input);
}

/** Whether the template needs the member's e-mail consent. */
export const isMarketing = (code: TemplateCode) => TEMPLATES[code].kind === 'marketing';
