// What a notification is, shared by the notify entry point and its adapters (a leaf: no imports).

/** A message to one person. Only e-mail for now; other channels (SMS, LINE) add a `channel` value and an adapter. */
export interface Notification {
  channel: 'email';
  /** The address; adapters never log it. */
  to: string;
  subject: string;
  text: string;
}

/** Delivers a notification or throws (a job then retries it). */
export type NotificationAdapter = (message: Notification) => Promise<void>;
