/** One cookie of a request's `Cookie` header (`a=1; b=2`, RFC 6265 §5.4); the first of that name wins. */
export const readCookie = (header: string | undefined, name: string): string | undefined => {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
};

/**
 * A `Set-Cookie` value the page's script can never read (HttpOnly) and no other site can make
 * the browser send (SameSite=Strict). `Secure` only over HTTPS: a township intranet often
 * serves plain HTTP, where a Secure cookie would never come back.
 */
export const sessionCookie = (
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
): string =>
  [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
