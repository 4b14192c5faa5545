import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticator, ReadSide, may, Warnings } from '@sunshine/application';
import { Actor, fold, shanghaiDate, termsDecider, TERMS_STREAM, ValidationFailed } from '@sunshine/domain';
import { Position } from '@sunshine/event-store';
import { TermSummary } from '@sunshine/projections';
import { AuthenticatedRequest } from '../auth/auth.guard';
import { Sessions } from '../auth/sessions';
import { CLOCK, EVENT_STORE } from '../runtime.tokens';
import { LiveConnection } from './live-connection';
import { Lifecycle } from '../operations/lifecycle';
import { tellsOfPeople } from './activity';
import { EventStore } from '@sunshine/event-store';
import { ProjectionRunner } from '@sunshine/projections';

/**
 * The live view (docs/domain.md#the-live-view): the term summary and recent activity pushed to whoever may read
 * summaries. Holds every open stream, so that shutting the server down ends them instead of
 * waiting for the clients to leave.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  heartbeatMs = 15_000;
  summaryIntervalMs = 1_000;
  private readonly logger = new Logger('LiveFeed');
  private readonly streams = new Set<LiveConnection>();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
    private readonly runner: ProjectionRunner,
    private readonly readSide: ReadSide,
    private readonly authenticator: Authenticator,
    private readonly sessions: Sessions,
    private readonly warnings: Warnings,
    lifecycle: Lifecycle,
  ) {
    // A stream is never done by itself: on SIGTERM it ends, and the browser reconnects elsewhere.
    lifecycle.onStop(() => this.onModuleDestroy());
  }

  /** How many clients are watching now. */
  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Starts a stream for an authenticated request. What can be refused (an unknown term, a
   * Last-Event-ID this log never handed out) is refused before the stream starts, as a problem.
   */
  async open(request: AuthenticatedRequest, reply: FastifyReply, termId: string | undefined): Promise<void> {
    const resumeAfter = this.lastEventId(request);
    // An unknown term is a 404 now, not a broken stream later.
    if (termId !== undefined) await this.readSide.termSummary(termId);
    let actor = request.actor as Actor;
    const sessionId = request.sessionId;
    // From here on the stream writes the raw response itself, for as long as it stays open.
    reply.hijack();
    const stream = new LiveConnection(
      reply.raw,
      {
        events: this.events,
        runner: this.runner,
        summary: () => this.summary(termId),
        stillAllowed: async () => {
          const now =
            sessionId === undefined
              ? await this.authenticator.actorOf(actor.userId)
              : await this.sessions.actorOf(sessionId);
          // A changed role changes what the feed tells from here on.
          if (now !== undefined) actor = now;
          return now !== undefined && may(now, 'read');
        },
        openWarnings: () => this.warnings.openByLevel(),
        shows: (event) => may(actor, 'audit') || !tellsOfPeople(event),
        onError: (error) => this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
      },
      { heartbeatMs: this.heartbeatMs, summaryIntervalMs: this.summaryIntervalMs },
      resumeAfter,
    );
    this.streams.add(stream);
    void stream.finished.then(() => this.streams.delete(stream));
    stream.start();
  }

  onModuleDestroy(): void {
    for (const stream of this.streams) stream.close();
  }

  private lastEventId(request: AuthenticatedRequest): Position | undefined {
    const header = request.headers['last-event-id'];
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!value) return undefined;
    try {
      this.events.comparePositions(value, value);
    } catch {
      throw new ValidationFailed([
        { path: 'Last-Event-ID', zh: '不是本系统给出的位置', en: 'is not a position this log handed out' },
      ]);
    }
    return value;
  }

  private async summary(termId: string | undefined): Promise<TermSummary | null> {
    const id = termId ?? (await this.currentTermId());
    return id === undefined ? null : this.readSide.termSummary(id);
  }

  /** The term whose dates hold today (Asia/Shanghai), else the latest; asked anew so a new term is picked up. */
  private async currentTermId(): Promise<string | undefined> {
    const { terms } = fold(termsDecider, (await this.events.readStream(TERMS_STREAM)) as never[]);
    const today = shanghaiDate(this.clock());
    const current = terms.find((term) => term.startsOn <= today && today <= term.endsOn);
    const latest = terms.reduce<(typeof terms)[number] | undefined>(
      (last, term) => (last === undefined || term.startsOn > last.startsOn ? term : last),
      undefined,
    );
    return (current ?? latest)?.termId;
  }
}
