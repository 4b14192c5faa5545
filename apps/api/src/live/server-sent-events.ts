/** One Server-Sent Events message (WHATWG HTML §9.2): `id`, `event`, then the data, one `data:` line per line. */
export const sseMessage = (message: { id?: string; event: string; data: string }): string =>
  `${message.id === undefined ? '' : `id: ${message.id}\n`}event: ${message.event}\n${message.data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;

/** A comment line: ignored by EventSource, it keeps proxies and idle timeouts from closing the stream. */
export const sseComment = (text: string): string => `: ${text}\n\n`;
