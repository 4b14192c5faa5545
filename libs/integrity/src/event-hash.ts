import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The part of a stored event that its hash covers: everything but the hash itself. */
export interface HashedEventBody {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: { prevHash: string; [field: string]: unknown };
}

/** One-shot SHA-256 (no Hash object to allocate): it runs for every event appended. */
export const sha256Hex = (bytes: string | Uint8Array): string => hash('sha256', bytes, 'hex');

/** The canonical bytes of an event body, as stored and as hashed. */
export const canonicalBody = (body: HashedEventBody): string => canonicalJson(body);

/** `hash = SHA-256(canonical JSON of {eventId, stream, revision, type, data, metadata without hash})`. */
export const hashEventBody = (body: HashedEventBody): string => sha256Hex(canonicalBody(body));
