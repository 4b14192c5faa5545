import { LocalDate, shanghaiDate, WarningLevel } from '@sunshine/domain';
import { EventStore } from '@sunshine/event-store';
import {
  byUrgency,
  EvaluatedWarning,
  ProjectionRunner,
  ProjectionStore,
  raiseWarning,
  raiseWarnings,
  WarningThresholds,
  warningHandlings,
  withHandling,
} from '@sunshine/projections';

export type OpenWarningCounts = Record<WarningLevel, number>;

/**
 * The warnings (三色预警) as of a business date, from the records projection and the calendar,
 * each with its handling. One evaluation per date and log position is shared by every reader (the
 * list, the villages, the live view, the metrics).
 */
export class Warnings {
  private last?: { key: string; warnings: Promise<EvaluatedWarning[]> };

  constructor(
    private readonly events: EventStore,
    private readonly reads: ProjectionStore,
    private readonly runner: ProjectionRunner,
    readonly thresholds: WarningThresholds,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Today in Asia/Shanghai: the default as-of date. */
  today(): LocalDate {
    return shanghaiDate(this.clock());
  }

  /** Every warning raised as of the date, red first, then by the day its level began. */
  async asOf(asOf: LocalDate = this.today()): Promise<EvaluatedWarning[]> {
    const key = `${asOf}@${this.runner.position() ?? ''}`;
    if (this.last?.key !== key) {
      const warnings = this.evaluate(asOf);
      this.last = { key, warnings };
      // A failed evaluation is not kept: the next reader tries again.
      warnings.catch(() => this.last?.warnings === warnings && (this.last = undefined));
    }
    return this.last.warnings;
  }

  /** How many warnings are open, by level, as of the date (today by default): for the live view and metrics. */
  async openByLevel(asOf?: LocalDate): Promise<OpenWarningCounts> {
    const counts: OpenWarningCounts = { red: 0, yellow: 0 };
    for (const warning of await this.asOf(asOf)) if (warning.status === 'open') counts[warning.level]++;
    return counts;
  }

  /**
   * Whether the rules raise this warning as of the date, once the read models hold the whole log
   * (a command may name a warning that the command just before it raised).
   */
  async raised(warningId: string, asOf: LocalDate): Promise<boolean> {
    const head = await this.events.headPosition();
    if (head !== undefined) await this.runner.waitFor(head);
    return (await raiseWarning(this.reads, warningId, asOf, this.thresholds)) !== undefined;
  }

  private async evaluate(asOf: LocalDate): Promise<EvaluatedWarning[]> {
    const [raised, handlings] = await Promise.all([
      raiseWarnings(this.reads, asOf, this.thresholds),
      warningHandlings(this.reads),
    ]);
    return raised.sort(byUrgency).map((warning) => withHandling(warning, handlings.get(warning.warningId), asOf));
  }
}
