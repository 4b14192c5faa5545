import { request as httpRequest, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { CommandRecorder, yuan } from './support/recorder';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { movableClock, recordTownship } from './support/warnings';

/** Reads a Server-Sent Events stream until a message of the wanted event comes. */
const sseMessages = (response: IncomingMessage) => {
  const messages: { event: string; data: string }[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) messages.push({ event, data });
    }
    wake?.();
  });
  let read = 0;
  return async (event: string): Promise<unknown> => {
    for (;;) {
      while (read < messages.length) {
        const message = messages[read++];
        if (message.event === event) return JSON.parse(message.data);
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
};

/** The live view tells supervisors when the open warnings change: a new red one, a handled one. */
describe('warnings in the live view', () => {
  let t: TestApp;
  let r: CommandRecorder;
  let close: () => void = () => undefined;

  beforeAll(async () => {
    t = await startTestApp({ clock: movableClock('2026-06-30').clock });
    await t.app.listen(0, '127.0.0.1');
    r = new CommandRecorder(t);
    await recordTownship(r);
  });
  afterAll(async () => {
    close();
    await t.close();
  });

  it('pushes the open counts when a warning is raised and when it is handled', async () => {
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        `http://127.0.0.1:${port}/api/v1/live`,
        { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${ADMIN_TOKEN}` }, agent: false },
        resolve,
      );
      close = () => req.destroy();
      req.on('error', reject);
      req.end();
    });
    const next = sseMessages(response);
    await next('summary');
    await r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId: 'E-hotel',
      amount: yuan(200_000),
      category: 'administration',
      payee: '县城宾馆',
      voucherNo: '支-088',
      approvalRef: '村民代表会议〔2026〕8号',
      on: '2026-06-30',
    });
    expect(await next('warnings')).toEqual({ red: 1, yellow: 0 });
    await r.send('HandleWarning', {
      warningId: 'large-administration-expense:village-V01:E-hotel',
      handledOn: '2026-06-30',
      action: 'referred',
      note: '移交镇纪委核查接待费用',
    });
    expect(await next('warnings')).toEqual({ red: 0, yellow: 0 });
  });
});
