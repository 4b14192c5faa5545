/**
 * The Content-Security-Policy of every HTML page the server answers: only this origin's own
 * files may run or load, never an inline script, and no other site may frame the page. The web
 * app's shell and the generated HTML report use this one policy.
 *
 * `inlineStyles` allows `<style>` blocks and `style` attributes (the report is one self-contained
 * printable file); scripts stay external-only either way.
 */
export const contentSecurityPolicy = (options: { inlineStyles?: boolean } = {}): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${options.inlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
