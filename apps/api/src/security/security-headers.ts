import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from './content-security-policy';

const isApi = (url: string) => url.startsWith('/api/') || url.startsWith('/metrics') || url.startsWith('/health/');

/**
 * Headers on every answer. They are set on the raw response as soon as a request comes in, so
 * they are also on answers that stream (imports, the live feed) and on errors; a route that sets
 * its own value (the live feed's Cache-Control, a page's ETag policy) overrides them.
 */
export const registerSecurityHeaders = (fastify: FastifyInstance): void => {
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    // A browser never guesses a type: a JSON answer holding `<script>` stays JSON.
    raw.setHeader('X-Content-Type-Options', 'nosniff');
    raw.setHeader('Referrer-Policy', 'no-referrer');
    // Answers of the API reveal figures and personal data: no browser or proxy keeps a copy.
    if (isApi(request.url)) raw.setHeader('Cache-Control', 'no-store');
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="sunshine-ledger"');
    const type = String(reply.getHeader('content-type') ?? '');
    // HTML under /api/ is a generated document (the report): one self-contained file, its styles inline.
    if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy'))
      reply.header('Content-Security-Policy', contentSecurityPolicy({ inlineStyles: request.url.startsWith('/api/') }));
    done(null, payload);
  });
};
