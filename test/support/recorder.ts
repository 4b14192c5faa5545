import { ADMIN_TOKEN, nextCommandId, TestApp } from './test-app';

/** One event a command appended, as its 201 answer named it, with the business date the command gave. */
export interface RecordedEvent {
  stream: string;
  type: string;
  eventId: string;
  /** The command's own business date (signedOn, reachedOn, on, …); absent for a command without one. */
  on?: string;
  /** The command's data, to pick events by what they are about (an entryId, a findingId, a period). */
  data: Record<string, unknown>;
}

export interface CommandAnswer {
  commandId: string;
  stream: string;
  revision: number;
  position: string;
  events: { eventId: string; type: string }[];
  token?: string;
}

/** The data fields that carry a command's business date, one per command type. */
const DATE_FIELDS = [
  'signedOn',
  'arrivedOn',
  'terminatedOn',
  'registeredOn',
  'reachedOn',
  'asOf',
  'on',
  'receivedOn',
  'heldOn',
  'resolvedOn',
  'escalatedOn',
  'openedOn',
  'rectifiedOn',
  'closedOn',
  'incurredOn',
  'settledOn',
] as const;

/** Whole yuan (or dollars) as Money in minor units. */
export const yuan = (amount: number) => ({ currency: 'CNY', minor: amount * 100 });
export const usd = (amount: number) => ({ currency: 'USD', minor: amount * 100 });

/** `date` plus `days` calendar days, as YYYY-MM-DD. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * Sends commands over HTTP (each must be accepted) and keeps, in log order, every event the
 * answers named: the ground truth an evidence or audit-trail answer is compared with.
 */
export class CommandRecorder {
  constructor(
    private readonly t: TestApp,
    private readonly token = ADMIN_TOKEN,
    /** Every event appended through this recorder and the ones made with `as`. */
    readonly log: RecordedEvent[] = [],
  ) {}

  /** A recorder that sends with another user's token into the same log. */
  as(token: string): CommandRecorder {
    return new CommandRecorder(this.t, token, this.log);
  }

  async send(type: string, data: Record<string, unknown>): Promise<CommandAnswer> {
    const response = await this.t.command({ type, commandId: nextCommandId(type), data }, this.token);
    if (response.status !== 201)
      throw new Error(`${type} ${JSON.stringify(data)} → ${response.status} ${JSON.stringify(response.body)}`);
    const answer = response.body as CommandAnswer;
    const field = DATE_FIELDS.find((name) => typeof data[name] === 'string');
    const on = field ? (data[field] as string) : undefined;
    // Commands are sent one after another, so this order is the log's order.
    for (const event of answer.events)
      this.log.push({
        stream: answer.stream,
        type: event.type,
        eventId: event.eventId,
        ...(on !== undefined && { on }),
        data,
      });
    return answer;
  }

  /** The eventId of the `nth` event of that type on `stream` (0-based, in recording order). */
  eventId(stream: string, type: string, nth = 0): string {
    const matching = this.log.filter((e) => e.stream === stream && e.type === type);
    if (!matching[nth]) throw new Error(`no ${type} #${nth} on ${stream}`);
    return matching[nth].eventId;
  }

  eventsOf(stream: string): RecordedEvent[] {
    return this.log.filter((e) => e.stream === stream);
  }
}
