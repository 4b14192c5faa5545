import { readCookie, sessionCookie } from './cookies';

describe('cookies', () => {
  it('reads one cookie of a Cookie header', () => {
    expect(readCookie('theme=dark; sunshine_session=abc-_123; lang=zh', 'sunshine_session')).toBe('abc-_123');
    expect(readCookie('sunshine_session="quoted"', 'sunshine_session')).toBe('quoted');
    expect(readCookie('xsunshine_session=1; sunshine_sessionx=2', 'sunshine_session')).toBeUndefined();
    expect(readCookie('sunshine_session=first; sunshine_session=second', 'sunshine_session')).toBe('first');
    expect(readCookie('novalue; =x', 'sunshine_session')).toBeUndefined();
    expect(readCookie(undefined, 'sunshine_session')).toBeUndefined();
  });

  it('writes a session cookie that scripts cannot read and other sites cannot send', () => {
    expect(sessionCookie('s', 'v', { maxAgeSeconds: 60, secure: false })).toBe(
      's=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
    );
    expect(sessionCookie('s', 'v', { maxAgeSeconds: 60, secure: true })).toBe(
      's=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
  });
});
