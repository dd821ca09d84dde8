// What a notification is, shared by the notify entry point and its adapters (a leaf: no imports).

/** The channels a message can go through; members' consent is given per channel. */
export type NotificationChannel = 'email' | 'sms' | 'line' | 'wechat';

/** A file sent with an e-mail (a scheduled report); `content` is the file's bytes. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** An e-mail: subject, plain text and optional attachments. */
export interface EmailNotification {
  channel: 'email';
  /** The address; adapters never log it. */
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
}

/**
 * An SMS: text only. One segment holds 160 GSM-7 characters, but a single character outside GSM-7 (Thai, Chinese,
 * Arabic, most emoji) makes the whole message UCS-2, where a segment holds 70 (67 each once split); senders keep
 * service texts within one segment (see smsSegments).
 */
export interface SmsNotification {
  channel: 'sms';
  /** E.164 number; adapters never log it. */
  to: string;
  text: string;
}

/** A LINE push message: text and up to four link buttons (rendered as a buttons template). */
export interface LineNotification {
  channel: 'line';
  /** The member's LINE user id for the shop's official account; adapters never log it. */
  to: string;
  text: string;
  buttons?: { label: string; url: string }[];
}

/**
 * A WeChat template message: the official account's template id, a heading (`first`), the template's keyword fields
 * in order (keyword1, keyword2, …) and a closing line (`remark`). WeChat shows no free text outside these fields.
 */
export interface WechatNotification {
  channel: 'wechat';
  /** The member's openid for the shop's official account; adapters never log it. */
  to: string;
  templateId: string;
  first: string;
  keywords: string[];
  remark: string;
  url?: string;
}

/** A message to one person through one channel. */
export type Notification = EmailNotification | SmsNotification | LineNotification | WechatNotification;

/** Delivers a notification or throws (a job then retries it). */
export type NotificationAdapter<N extends Notification = Notification> = (message: N) => Promise<void>;
