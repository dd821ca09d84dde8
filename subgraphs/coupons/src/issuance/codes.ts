// Random single-use codes: unambiguous characters, unguessable, made in bulk.
import { randomBytes } from 'node:crypto';

/** 32 characters without 0/O and 1/I: read aloud and typed from print without mistakes; 32 keeps every byte & 31 unbiased. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 10 random characters: 2^50 codes, so guessing a live one among 100,000 takes about 10^10 tries. */
const RANDOM_LENGTH = 10;

export const PREFIX_PATTERN = /^[A-Z0-9]{0,8}$/;

/** `count` fresh codes, each `prefix` then 10 random characters. */
export function randomCodes(count: number, prefix = ''): string[] {
  const bytes = randomBytes(count * RANDOM_LENGTH);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    let code = prefix;
    for (let j = 0; j < RANDOM_LENGTH; j++) code += ALPHABET[bytes[i * RANDOM_LENGTH + j]! & 31];
    codes.push(code);
  }
  return codes;
}
