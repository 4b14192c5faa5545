import { newSubjectKey, seal, unseal } from './seal';

describe('sealing personal data', () => {
  const key = newSubjectKey();

  it('opens with the same key and associated data', () => {
    const sealed = seal(key, '{"name":"张三","idNumber":"110101199003071234"}', 'event-1|s-1');
    expect(sealed).not.toContain('张三');
    expect(unseal(key, sealed, 'event-1|s-1')).toBe('{"name":"张三","idNumber":"110101199003071234"}');
  });

  it('will not open under another event, another subject or another key', () => {
    const sealed = seal(key, 'x', 'event-1|s-1');
    expect(() => unseal(key, sealed, 'event-2|s-1')).toThrow();
    expect(() => unseal(key, sealed, 'event-1|s-2')).toThrow();
    expect(() => unseal(newSubjectKey(), sealed, 'event-1|s-1')).toThrow();
  });

  it('notices a changed byte', () => {
    const bytes = Buffer.from(seal(key, 'hello', 'a'), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => unseal(key, bytes.toString('base64'), 'a')).toThrow();
  });
});
