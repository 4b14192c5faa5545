import type { ServerResponse } from 'node:http';
import { OpenWarningCounts, USERS_STREAM } from '@sunshine/application';
import { EventStore, Position, StoredEvent, Subscription } from '@sunshine/event-store';
import { ProjectionRunner, ProjectionsBehind, TermSummary } from '@sunshine/projections';
import { activityOf } from './activity';
import { sseComment, sseMessage } from './server-sent-events';

/** What one live stream reads from: the log, the read models, and who may still watch. */
export interface LiveSource {
  events: EventStore;
  runner: ProjectionRunner;
  /** The summary of the watched term as the read models stand, or null while there is no term. */
  summary(): Promise<TermSummary | null>;
  /** Whether the user behind the stream may still read (not revoked, session not expired). */
  stillAllowed(): Promise<boolean>;
  /** Open warnings (三色预警) by level as of today: sent whenever they change after the stream began. */
  openWarnings?(): Promise<OpenWarningCounts>;
  /** Whether this watcher is told of the event at all (its role decides). */
  shows(event: StoredEvent): boolean;
  onError(error: unknown): void;
}

export interface LiveTiming {
  heartbeatMs: number;
  /** At most one `summary` message per this interval. */
  summaryIntervalMs: number;
}

/** Events of one command arrive within a few milliseconds: one summary for all of them. */
const COALESCE_MS = 50;
const REPLAY_PAGE = 500;

/**
 * One client's `GET /api/v1/live`. Sends what it missed after `Last-Event-ID` (or nothing, for a
 * new client), a fresh summary, then each new event as `activity` and, at most once a second,
 * the summary when its figures changed. Every message's id is the log position the client has
 * seen up to, so that the browser's automatic reconnect resumes exactly there.
 */
export class LiveConnection {
  private closed = false;
  private subscription?: Subscription;
  private heartbeat?: NodeJS.Timeout;
  private summaryTimer?: NodeJS.Timeout;
  /** The position the next summary must include, while one is due. */
  private summaryDue?: Position;
  private summarizing = false;
  private lastSummaryAt = 0;
  /** The figures last sent, without their `position`, to send a summary only when they changed. */
  private lastFigures?: string;
  private lastWarnings?: string;
  /** The log position the client has been told about up to: the id of the next message. */
  private seen?: Position;
  private finish!: () => void;
  /** Settles once the stream is closed, by the client or by the server. */
  readonly finished = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(
    private readonly response: ServerResponse,
    private readonly source: LiveSource,
    private readonly timing: LiveTiming,
    /** The client's Last-Event-ID: replay the events after it. */
    private readonly resumeAfter?: Position,
  ) {}

  /** Sends the headers and runs the stream in the background; a failure ends the stream. */
  start(): void {
    const response = this.response;
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store, no-transform');
    response.setHeader('Connection', 'keep-alive');
    // Reverse proxies (nginx) would otherwise hold the messages back in their buffers.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    // The response's 'close' comes both when the client goes away and when we end the stream;
    // the request's own 'close' does not reliably mean the client left.
    response.on('close', () => this.close());
    response.write('retry: 3000\n\n');
    this.heartbeat = setInterval(() => this.beat(), this.timing.heartbeatMs);
    this.run().catch((error) => {
      if (!this.closed) this.source.onError(error);
      this.close();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.summaryTimer);
    this.subscription?.close().catch(() => undefined);
    if (!this.response.writableEnded) this.response.end();
    this.finish();
  }

  private async run(): Promise<void> {
    const { events } = this.source;
    const head = await events.headPosition();
    if (this.resumeAfter !== undefined && head !== undefined) await this.replay(this.resumeAfter, head);
    this.seen = head;
    await this.sendSummary(head, { always: true });
    if (this.closed) return;
    if (this.summaryDue !== undefined) this.scheduleSummary(this.summaryDue);
    // Catches up from the head read above, so nothing appended meanwhile is lost.
    this.subscription = events.subscribeToAll({ after: head });
    for await (const event of this.subscription) {
      if (this.closed) break;
      await this.sendActivity(event);
      if (event.stream === USERS_STREAM && !(await this.source.stillAllowed())) {
        this.close();
        break;
      }
      this.scheduleSummary(event.position);
    }
  }

  /** The events after `after` up to `head`, which the client missed while it was away. */
  private async replay(after: Position, head: Position): Promise<void> {
    const { events } = this.source;
    let from = after;
    while (!this.closed && events.comparePositions(from, head) < 0) {
      const page = await events.readAll({ after: from, limit: REPLAY_PAGE });
      if (page.length === 0) return;
      for (const event of page) {
        if (events.comparePositions(event.position, head) > 0) return;
        await this.sendActivity(event);
      }
      from = page[page.length - 1].position;
    }
  }

  private async sendActivity(event: StoredEvent): Promise<void> {
    this.seen = event.position;
    if (!this.source.shows(event)) return;
    await this.send(sseMessage({ id: event.position, event: 'activity', data: JSON.stringify(activityOf(event)) }));
  }

  private scheduleSummary(position: Position): void {
    this.summaryDue = position;
    if (this.summaryTimer !== undefined || this.summarizing || this.closed) return;
    const wait = Math.max(COALESCE_MS, this.lastSummaryAt + this.timing.summaryIntervalMs - Date.now());
    this.summaryTimer = setTimeout(() => void this.flushSummary(), wait);
  }

  private async flushSummary(): Promise<void> {
    this.summaryTimer = undefined;
    const due = this.summaryDue;
    this.summaryDue = undefined;
    if (due === undefined || this.closed) return;
    this.summarizing = true;
    try {
      await this.sendSummary(due, { always: false });
    } catch (error) {
      if (!this.closed) this.source.onError(error);
      this.close();
    } finally {
      this.summarizing = false;
    }
    if (this.summaryDue !== undefined) this.scheduleSummary(this.summaryDue);
  }

  /** The summary once the read models include `position`; unless `always`, only when the figures changed. */
  private async sendSummary(position: Position | undefined, options: { always: boolean }): Promise<void> {
    this.lastSummaryAt = Date.now();
    if (position !== undefined) {
      try {
        await this.source.runner.waitFor(position);
      } catch (error) {
        if (!(error instanceof ProjectionsBehind)) throw error;
        // Busy read models (a large import): send what they hold now, and try again later.
        this.summaryDue ??= position;
      }
    }
    if (this.closed) return;
    const summary = await this.source.summary();
    const figures = JSON.stringify(summary && { ...summary, position: null });
    if (options.always || figures !== this.lastFigures) {
      this.lastFigures = figures;
      await this.send(sseMessage({ id: this.seen, event: 'summary', data: JSON.stringify(summary) }));
    }
    // A handling changes the warnings and not the summary, so they are compared on their own. The
    // counts at the start are the overview's to give: the stream tells only of changes.
    const warnings = this.source.openWarnings && JSON.stringify(await this.source.openWarnings());
    const changed = this.lastWarnings !== undefined && warnings !== this.lastWarnings;
    this.lastWarnings = warnings;
    if (changed && warnings !== undefined && !this.closed)
      await this.send(sseMessage({ id: this.seen, event: 'warnings', data: warnings }));
  }

  private beat(): void {
    if (this.closed) return;
    this.response.write(sseComment('heartbeat'));
    this.source.stillAllowed().then(
      (allowed) => allowed || this.close(),
      () => undefined,
    );
  }

  /** Writes one message, waiting while a slow client's buffer is full. */
  private async send(chunk: string): Promise<void> {
    if (this.closed) return;
    if (this.response.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }
}
