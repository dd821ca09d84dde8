// Messages about a member's order (shipped, delivered, a failed delivery, a return's progress), per locale, rendered
// from codes and numbers the event carries. Each has a full text (e-mail, LINE), a short one that fits one UCS-2 SMS
// segment for a usual order number, and a status line (WeChat's keyword field).
import type { MemberLocale } from '../service.js';

export type EventTemplateCode =
  | 'orderShipped'
  | 'orderDelivered'
  | 'orderCancelled'
  | 'shipmentCreated'
  | 'deliveryFailed'
  | 'afterSalesStatus'
  | 'afterSalesRefunded';

/** What the event gives the message: the order number and, per message, a tracking number, request status or amount. */
export interface EventParams {
  orderNumber: string;
  trackingNumber?: string;
  /** An after-sales request status code (APPROVED, REJECTED, …). */
  status?: string;
  /** A refunded amount, already formatted with its currency (e.g. "250.00 THB"). */
  amount?: string;
}

export interface EventMessage {
  subject: string;
  /** The body, without the greeting (added per channel). */
  text: string;
  /** One line for SMS. */
  short: string;
  /** What happened, a few words (WeChat's status keyword). */
  status: string;
}

type Phrase = (p: EventParams) => EventMessage;

const AFTER_SALES_STATUS: Record<MemberLocale, Record<string, string>> = {
  en: { REQUESTED: 'received', APPROVED: 'approved', REJECTED: 'declined', RECEIVED: 'items received', REFUNDED: 'refunded', EXCHANGED: 'replacement sent', CLOSED: 'closed' },
  th: { REQUESTED: 'ได้รับคำขอแล้ว', APPROVED: 'อนุมัติแล้ว', REJECTED: 'ไม่อนุมัติ', RECEIVED: 'ได้รับสินค้าคืนแล้ว', REFUNDED: 'คืนเงินแล้ว', EXCHANGED: 'ส่งสินค้าทดแทนแล้ว', CLOSED: 'ปิดแล้ว' },
  'zh-CN': { REQUESTED: '已受理', APPROVED: '已批准', REJECTED: '已拒绝', RECEIVED: '已收到退货', REFUNDED: '已退款', EXCHANGED: '已寄出换货', CLOSED: '已关闭' },
  'zh-TW': { REQUESTED: '已受理', APPROVED: '已核准', REJECTED: '已拒絕', RECEIVED: '已收到退貨', REFUNDED: '已退款', EXCHANGED: '已寄出換貨', CLOSED: '已關閉' },
  ar: { REQUESTED: 'تم الاستلام', APPROVED: 'تمت الموافقة', REJECTED: 'مرفوض', RECEIVED: 'تم استلام المنتجات', REFUNDED: 'تم الاسترداد', EXCHANGED: 'تم إرسال البديل', CLOSED: 'مغلق' },
};

const afterSalesStatus = (locale: MemberLocale, code: string | undefined) =>
  AFTER_SALES_STATUS[locale][code ?? ''] ?? code ?? '';

const tracking = (p: EventParams, label: string) => (p.trackingNumber ? ` ${label} ${p.trackingNumber}` : '');

const EN: Record<EventTemplateCode, Phrase> = {
  orderShipped: (p) => ({ subject: `Order ${p.orderNumber} has shipped`, text: `Your order ${p.orderNumber} is on its way.`, short: `Order ${p.orderNumber} has shipped.`, status: 'Shipped' }),
  orderDelivered: (p) => ({ subject: `Order ${p.orderNumber} was delivered`, text: `Your order ${p.orderNumber} was delivered. We hope you enjoy it.`, short: `Order ${p.orderNumber} was delivered.`, status: 'Delivered' }),
  orderCancelled: (p) => ({ subject: `Order ${p.orderNumber} was cancelled`, text: `Your order ${p.orderNumber} was cancelled. Any payment taken will be returned.`, short: `Order ${p.orderNumber} was cancelled.`, status: 'Cancelled' }),
  shipmentCreated: (p) => ({ subject: `A parcel of order ${p.orderNumber} is ready`, text: `A parcel of your order ${p.orderNumber} is packed and handed to the carrier.${tracking(p, 'Tracking number:')}`, short: `Order ${p.orderNumber}: parcel sent.${tracking(p, '')}`, status: 'Parcel sent' }),
  deliveryFailed: (p) => ({ subject: `We could not deliver order ${p.orderNumber}`, text: `The carrier could not deliver your order ${p.orderNumber}. We will contact you to arrange a new delivery.`, short: `Order ${p.orderNumber}: delivery failed. We will contact you.`, status: 'Delivery failed' }),
  afterSalesStatus: (p) => ({ subject: `Your request for order ${p.orderNumber}: ${afterSalesStatus('en', p.status)}`, text: `Your return or exchange request for order ${p.orderNumber} is now: ${afterSalesStatus('en', p.status)}.`, short: `Order ${p.orderNumber} request: ${afterSalesStatus('en', p.status)}.`, status: afterSalesStatus('en', p.status) }),
  afterSalesRefunded: (p) => ({ subject: `Refund for order ${p.orderNumber}`, text: `We refunded ${p.amount} for order ${p.orderNumber}. It may take a few days to reach your account.`, short: `Order ${p.orderNumber}: ${p.amount} refunded.`, status: 'Refunded' }),
};

const TH: Record<EventTemplateCode, Phrase> = {
  orderShipped: (p) => ({ subject: `คำสั่งซื้อ ${p.orderNumber} จัดส่งแล้ว`, text: `คำสั่งซื้อ ${p.orderNumber} ของคุณกำลังเดินทางไปหาคุณ`, short: `คำสั่งซื้อ ${p.orderNumber} จัดส่งแล้ว`, status: 'จัดส่งแล้ว' }),
  orderDelivered: (p) => ({ subject: `คำสั่งซื้อ ${p.orderNumber} ส่งถึงแล้ว`, text: `คำสั่งซื้อ ${p.orderNumber} ของคุณส่งถึงแล้ว ขอให้เพลิดเพลินกับสินค้า`, short: `คำสั่งซื้อ ${p.orderNumber} ส่งถึงแล้ว`, status: 'ส่งถึงแล้ว' }),
  orderCancelled: (p) => ({ subject: `คำสั่งซื้อ ${p.orderNumber} ถูกยกเลิก`, text: `คำสั่งซื้อ ${p.orderNumber} ของคุณถูกยกเลิกแล้ว เงินที่ชำระจะได้รับคืน`, short: `คำสั่งซื้อ ${p.orderNumber} ถูกยกเลิก`, status: 'ยกเลิกแล้ว' }),
  shipmentCreated: (p) => ({ subject: `พัสดุของคำสั่งซื้อ ${p.orderNumber} พร้อมแล้ว`, text: `พัสดุของคำสั่งซื้อ ${p.orderNumber} แพ็กและส่งให้ขนส่งแล้ว${tracking(p, 'เลขพัสดุ:')}`, short: `คำสั่งซื้อ ${p.orderNumber} ส่งพัสดุแล้ว${tracking(p, '')}`, status: 'ส่งพัสดุแล้ว' }),
  deliveryFailed: (p) => ({ subject: `จัดส่งคำสั่งซื้อ ${p.orderNumber} ไม่สำเร็จ`, text: `ขนส่งไม่สามารถส่งคำสั่งซื้อ ${p.orderNumber} ได้ เราจะติดต่อคุณเพื่อนัดส่งใหม่`, short: `คำสั่งซื้อ ${p.orderNumber} ส่งไม่สำเร็จ เราจะติดต่อคุณ`, status: 'จัดส่งไม่สำเร็จ' }),
  afterSalesStatus: (p) => ({ subject: `คำขอของคำสั่งซื้อ ${p.orderNumber}: ${afterSalesStatus('th', p.status)}`, text: `คำขอคืนหรือเปลี่ยนสินค้าของคำสั่งซื้อ ${p.orderNumber} ตอนนี้: ${afterSalesStatus('th', p.status)}`, short: `คำขอ ${p.orderNumber}: ${afterSalesStatus('th', p.status)}`, status: afterSalesStatus('th', p.status) }),
  afterSalesRefunded: (p) => ({ subject: `คืนเงินคำสั่งซื้อ ${p.orderNumber}`, text: `เราคืนเงิน ${p.amount} สำหรับคำสั่งซื้อ ${p.orderNumber} แล้ว อาจใช้เวลาสองสามวันกว่าจะเข้าบัญชีของคุณ`, short: `คำสั่งซื้อ ${p.orderNumber} คืนเงิน ${p.amount} แล้ว`, status: 'คืนเงินแล้ว' }),
};

const ZH_CN: Record<EventTemplateCode, Phrase> = {
  orderShipped: (p) => ({ subject: `订单 ${p.orderNumber} 已发货`, text: `您的订单 ${p.orderNumber} 已发出。`, short: `订单 ${p.orderNumber} 已发货。`, status: '已发货' }),
  orderDelivered: (p) => ({ subject: `订单 ${p.orderNumber} 已送达`, text: `您的订单 ${p.orderNumber} 已送达，祝您使用愉快。`, short: `订单 ${p.orderNumber} 已送达。`, status: '已送达' }),
  orderCancelled: (p) => ({ subject: `订单 ${p.orderNumber} 已取消`, text: `您的订单 ${p.orderNumber} 已取消，已付款项将退回。`, short: `订单 ${p.orderNumber} 已取消。`, status: '已取消' }),
  shipmentCreated: (p) => ({ subject: `订单 ${p.orderNumber} 的包裹已备好`, text: `您的订单 ${p.orderNumber} 的包裹已打包并交给承运商。${tracking(p, '运单号：')}`, short: `订单 ${p.orderNumber} 包裹已发出。${tracking(p, '')}`, status: '包裹已发出' }),
  deliveryFailed: (p) => ({ subject: `订单 ${p.orderNumber} 派送失败`, text: `承运商未能派送您的订单 ${p.orderNumber}，我们会联系您安排重新派送。`, short: `订单 ${p.orderNumber} 派送失败，我们会联系您。`, status: '派送失败' }),
  afterSalesStatus: (p) => ({ subject: `订单 ${p.orderNumber} 的售后申请：${afterSalesStatus('zh-CN', p.status)}`, text: `您订单 ${p.orderNumber} 的退换货申请当前状态：${afterSalesStatus('zh-CN', p.status)}。`, short: `订单 ${p.orderNumber} 售后：${afterSalesStatus('zh-CN', p.status)}。`, status: afterSalesStatus('zh-CN', p.status) }),
  afterSalesRefunded: (p) => ({ subject: `订单 ${p.orderNumber} 退款`, text: `我们已为订单 ${p.orderNumber} 退款 ${p.amount}，到账可能需要几天。`, short: `订单 ${p.orderNumber} 已退款 ${p.amount}。`, status: '已退款' }),
};

const ZH_TW: Record<EventTemplateCode, Phrase> = {
  orderShipped: (p) => ({ subject: `訂單 ${p.orderNumber} 已出貨`, text: `您的訂單 ${p.orderNumber} 已寄出。`, short: `訂單 ${p.orderNumber} 已出貨。`, status: '已出貨' }),
  orderDelivered: (p) => ({ subject: `訂單 ${p.orderNumber} 已送達`, text: `您的訂單 ${p.orderNumber} 已送達，祝您使用愉快。`, short: `訂單 ${p.orderNumber} 已送達。`, status: '已送達' }),
  orderCancelled: (p) => ({ subject: `訂單 ${p.orderNumber} 已取消`, text: `您的訂單 ${p.orderNumber} 已取消，已付款項將退回。`, short: `訂單 ${p.orderNumber} 已取消。`, status: '已取消' }),
  shipmentCreated: (p) => ({ subject: `訂單 ${p.orderNumber} 的包裹已備妥`, text: `您的訂單 ${p.orderNumber} 的包裹已打包並交給物流商。${tracking(p, '追蹤編號：')}`, short: `訂單 ${p.orderNumber} 包裹已寄出。${tracking(p, '')}`, status: '包裹已寄出' }),
  deliveryFailed: (p) => ({ subject: `訂單 ${p.orderNumber} 配送失敗`, text: `物流商未能配送您的訂單 ${p.orderNumber}，我們會聯絡您安排重新配送。`, short: `訂單 ${p.orderNumber} 配送失敗，我們會聯絡您。`, status: '配送失敗' }),
  afterSalesStatus: (p) => ({ subject: `訂單 ${p.orderNumber} 的售後申請：${afterSalesStatus('zh-TW', p.status)}`, text: `您訂單 ${p.orderNumber} 的退換貨申請目前狀態：${afterSalesStatus('zh-TW', p.status)}。`, short: `訂單 ${p.orderNumber} 售後：${afterSalesStatus('zh-TW', p.status)}。`, status: afterSalesStatus('zh-TW', p.status) }),
  afterSalesRefunded: (p) => ({ subject: `訂單 ${p.orderNumber} 退款`, text: `我們已為訂單 ${p.orderNumber} 退款 ${p.amount}，入帳可能需要幾天。`, short: `訂單 ${p.orderNumber} 已退款 ${p.amount}。`, status: '已退款' }),
};

const AR: Record<EventTemplateCode, Phrase> = {
  orderShipped: (p) => ({ subject: `تم شحن الطلب ${p.orderNumber}`, text: `طلبك ${p.orderNumber} في الطريق إليك.`, short: `تم شحن الطلب ${p.orderNumber}.`, status: 'تم الشحن' }),
  orderDelivered: (p) => ({ subject: `تم تسليم الطلب ${p.orderNumber}`, text: `تم تسليم طلبك ${p.orderNumber}. نتمنى أن ينال إعجابك.`, short: `تم تسليم الطلب ${p.orderNumber}.`, status: 'تم التسليم' }),
  orderCancelled: (p) => ({ subject: `تم إلغاء الطلب ${p.orderNumber}`, text: `تم إلغاء طلبك ${p.orderNumber}. سيُعاد أي مبلغ دُفع.`, short: `تم إلغاء الطلب ${p.orderNumber}.`, status: 'ملغى' }),
  shipmentCreated: (p) => ({ subject: `طرد الطلب ${p.orderNumber} جاهز`, text: `تم تغليف طرد طلبك ${p.orderNumber} وتسليمه لشركة الشحن.${tracking(p, 'رقم التتبع:')}`, short: `الطلب ${p.orderNumber}: تم إرسال الطرد.${tracking(p, '')}`, status: 'تم إرسال الطرد' }),
  deliveryFailed: (p) => ({ subject: `تعذّر تسليم الطلب ${p.orderNumber}`, text: `لم تتمكن شركة الشحن من تسليم طلبك ${p.orderNumber}. سنتواصل معك لترتيب تسليم جديد.`, short: `الطلب ${p.orderNumber}: تعذّر التسليم، سنتواصل معك.`, status: 'تعذّر التسليم' }),
  afterSalesStatus: (p) => ({ subject: `طلب ما بعد البيع للطلب ${p.orderNumber}: ${afterSalesStatus('ar', p.status)}`, text: `حالة طلب الإرجاع أو الاستبدال للطلب ${p.orderNumber} الآن: ${afterSalesStatus('ar', p.status)}.`, short: `الطلب ${p.orderNumber}: ${afterSalesStatus('ar', p.status)}.`, status: afterSalesStatus('ar', p.status) }),
  afterSalesRefunded: (p) => ({ subject: `استرداد للطلب ${p.orderNumber}`, text: `رددنا ${p.amount} للطلب ${p.orderNumber}. قد يستغرق وصوله إلى حسابك بضعة أيام.`, short: `الطلب ${p.orderNumber}: تم رد ${p.amount}.`, status: 'تم الاسترداد' }),
};

export const EVENT_TEMPLATES: Record<MemberLocale, Record<EventTemplateCode, Phrase>> = { en: EN, th: TH, 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, ar: AR };

/** Words around the message: a greeting with the member's name and the order button's label. */
export const EVENT_CHROME: Record<MemberLocale, { hello: (name: string) => string; viewOrder: string; thanks: string }> = {
  en: { hello: (name) => `Hello ${name},`, viewOrder: 'View order', thanks: 'Thank you for shopping with us.' },
  th: { hello: (name) => `สวัสดีคุณ ${name}`, viewOrder: 'ดูคำสั่งซื้อ', thanks: 'ขอบคุณที่ใช้บริการ' },
  'zh-CN': { hello: (name) => `${name}，您好：`, viewOrder: '查看订单', thanks: '感谢您的惠顾。' },
  'zh-TW': { hello: (name) => `${name}，您好：`, viewOrder: '查看訂單', thanks: '感謝您的惠顧。' },
  ar: { hello: (name) => `مرحبًا ${name}،`, viewOrder: 'عرض الطلب', thanks: 'شكرًا لتسوقك معنا.' },
};

/** The message in the member's locale (English when they chose none). */
export function renderEventMessage(code: EventTemplateCode, locale: MemberLocale | null, params: EventParams): EventMessage {
  return EVENT_TEMPLATES[locale ?? 'en'][code](params);
}
