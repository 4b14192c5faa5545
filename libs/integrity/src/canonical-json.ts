/**
 * RFC 8785 (JCS) canonical JSON: the bytes every hash in the log is computed over.
 *
 * Object members sorted by the UTF-16 code units of their names, no whitespace, strings and
 * numbers as ECMAScript's JSON.stringify writes them (RFC 8785 §3.2.2 defines them so). Written
 * out by hand because it runs on every command and every event: it is byte-for-byte the output
 * of the `json-canonicalize` reference implementation (see the spec), at a fraction of the cost.
 * A member whose value is undefined is left out, as JSON.stringify does; undefined anywhere else,
 * and numbers JSON cannot carry, are refused.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return primitive(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  const names = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const name of names) {
    const member = object[name];
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(name) + ':' + canonicalJson(member);
    first = false;
  }
  return out + '}';
};

const primitive = (value: unknown): string => {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new TypeError(`non-finite number ${value} is not JSON (RFC 8785 §3.2.2.3)`);
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${typeof value} is not JSON`);
  return text;
};
