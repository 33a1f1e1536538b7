// Random tokens and their hashes: what the sessions, sign-in links, codes and invitations are made of.
import { randomInt } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 20 random bytes in lower-case base32: 160 bits, safe in URLs and cookies. */
export function randomToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hash(value: string): Uint8Array {
  return sha256(new TextEncoder().encode(value));
}

export function hashHex(value: string): string {
  return encodeHexLowerCase(hash(value));
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && constantTimeEqual(a, b);
}
