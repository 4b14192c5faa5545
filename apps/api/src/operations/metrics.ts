import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { COMMAND_DTOS, CommandPipeline, ExecutedCommand, Runtime } from '@sunshine/application';
import { DomainError } from '@sunshine/domain';

/** What became of a command: recorded, answered again, or refused (by its kind of refusal). */
export type CommandOutcome = 'applied' | 'duplicate' | DomainError['kind'] | 'failed';

const KNOWN_TYPES = new Set([...COMMAND_DTOS.keys(), 'VoidRecord']);

/** A client's `type` as a label: only the command types there are, so a client cannot grow the series. */
export const commandTypeLabel = (type: unknown): string =>
  typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'unknown';

const outcomeOf = (error: unknown): CommandOutcome => (error instanceof DomainError ? error.kind : 'failed');

/**
 * The server's metrics in Prometheus text: commands by type and outcome, how long an append takes
 * to be durable, how far the read models trail the log, verification results, open warnings by
 * level, and Node's process metrics. One registry per application (tests run several).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'type' | 'outcome'>;
  private readonly appendSeconds: Histogram;
  private readonly verifications: Counter<'result'>;
  private readonly lastVerification: Gauge;

  constructor(runtime: Runtime) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'sunshine_' });
    this.commands = new Counter({
      name: 'sunshine_commands_total',
      help: 'Commands received, by type and outcome (applied, duplicate, validation, forbidden, not-found, conflict, rule, failed)',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.appendSeconds = new Histogram({
      name: 'sunshine_append_duration_seconds',
      help: 'From a command reaching the write path until its events are durable in the log',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.verifications = new Counter({
      name: 'sunshine_verifications_total',
      help: 'Verifications of the whole log, by result (ok, failed)',
      labelNames: ['result'],
      registers,
    });
    this.lastVerification = new Gauge({
      name: 'sunshine_last_verification_ok',
      help: '1 when the last verification found the log intact, 0 when it found a change',
      registers,
    });
    new Gauge({
      name: 'sunshine_projection_lag_seconds',
      help: 'How long since the read models were last level with the log (0: level now)',
      registers,
      async collect() {
        const lag = await runtime.runner.lagMs();
        if (lag !== undefined) this.set(lag / 1000);
      },
    });
    new Gauge({
      name: 'sunshine_projection_lag_events',
      help: 'Log positions the read models have not applied yet (embedded store: events)',
      registers,
      async collect() {
        const head = Number((await runtime.events.headPosition()) ?? 0);
        const reached = Number(runtime.runner.position() ?? 0);
        if (Number.isSafeInteger(head) && Number.isSafeInteger(reached)) this.set(Math.max(0, head - reached));
      },
    });
    new Gauge({
      name: 'sunshine_warnings_open',
      help: 'Warnings open now, by level (red, yellow)',
      labelNames: ['level'],
      registers,
      async collect() {
        this.reset();
        const open = await runtime.warnings.openByLevel();
        for (const [level, count] of Object.entries(open)) this.set({ level }, count);
      },
    });
    runtime.integrity.observeVerifications((report) => {
      this.verifications.inc({ result: report.ok ? 'ok' : 'failed' });
      this.lastVerification.set(report.ok ? 1 : 0);
    });
  }

  command(type: unknown, outcome: CommandOutcome): void {
    this.commands.inc({ type: commandTypeLabel(type), outcome });
  }

  /** The write path, counting every command it is given and timing its appends. */
  meter(pipeline: CommandPipeline): CommandPipeline {
    const submit: CommandPipeline['submit'] = async (envelope, actor) => {
      const started = process.hrtime.bigint();
      try {
        const { durable } = await pipeline.submit(envelope, actor);
        return {
          durable: durable.then(
            (outcome: ExecutedCommand) => {
              this.command(envelope.type, outcome.duplicate ? 'duplicate' : 'applied');
              if (!outcome.duplicate) this.appendSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
              return outcome;
            },
            (error: unknown) => {
              this.command(envelope.type, outcomeOf(error));
              throw error;
            },
          ),
        };
      } catch (error) {
        this.command(envelope.type, outcomeOf(error));
        throw error;
      }
    };
    const metered = {
      submit,
      execute: async (...args: Parameters<CommandPipeline['execute']>) => (await submit(...args)).durable,
    };
    return metered as unknown as CommandPipeline;
  }
}
