// Every userError code of eventsTrack with the message it carries, built from the code and its parameters.
import { userError, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of EventErrorCode in schema/members.graphql and their messages (the console translates by code). */
const MESSAGES = {
  INVALID_DEVICE_ID: (p: Params) => `A device id is ${p.min} to ${p.max} letters, digits, '-' or '_'.`,
  NO_EVENTS: () => 'Send at least one event.',
  TOO_MANY_EVENTS: (p: Params) => `Send at most ${p.max} events per call.`,
  REQUIRED: (p: Params) => `${p.type} events need this field.`,
  INVALID_PRODUCT_ID: () => 'A product id is a UUID.',
  TOO_LONG: (p: Params) => `Use at most ${p.max} characters.`,
  OCCURRED_IN_FUTURE: (p: Params) => `The event is more than ${p.minutes} minutes in the future; check the device clock.`,
  OCCURRED_TOO_LONG_AGO: (p: Params) => `Events older than ${p.days} days are not accepted.`,
} satisfies Record<string, (params: Params) => string>;

export type EventErrorCode = keyof typeof MESSAGES;
export type EventError = UserError<EventErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function eventError(code: EventErrorCode, field: string[], params: Params = {}): EventError {
  return userError(code, MESSAGES[code](params), field);
}
