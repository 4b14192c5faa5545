import { canonicalize } from 'json-canonicalize';

/** RFC 8785 (JCS) canonical JSON: the bytes every hash in the log is computed over. */
export const canonicalJson = (value: unknown): string => canonicalize(value);
