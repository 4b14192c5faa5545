import { Money, MoneyMap, projectStatus, ProjectStatus } from '@sunshine/domain';
import {
  DisputeDoc,
  EntryDoc,
  EventRef,
  ProjectDoc,
  RECORD_CATEGORIES,
  ReportProseDoc,
  refsOf,
  refsOfType,
} from '../records/record-docs';
import { TermWindow } from './figures';

/** A count with the events that make it up. */
export interface TracedCount {
  count: number;
  events: EventRef[];
}

/** Sums per currency with the events that make them up. */
export interface TracedMoney {
  amount: MoneyMap;
  events: EventRef[];
}

/** One project as a report names it, as of the span's end. */
export interface ProjectLine {
  projectId: string;
  name: string;
  category: string;
  villageId?: string;
  plannedInvestment: Money;
  status: ProjectStatus;
  /** The latest progress report by the span's end, if any. */
  investedToDate: Money | null;
  /** Its registration, the milestones reached and the progress report stated. */
  events: EventRef[];
}

/**
 * What a written report says beyond the term summary's figures (whose shape CONTRACT.md fixes):
 * the largest projects by name, projects per category, disputes per case type and escalations
 * per receiving channel, village expenditures per category, and a term's written prose. Each
 * figure is placed in a span by the same rules as the summary's figures.
 */
export interface ReportDetails {
  projects: {
    byCategory: Record<string, TracedCount>;
    /**
     * Projects other than 一事一议 ones, largest planned investment (CNY) first: every one planned at
     * LARGE_PROJECT_CNY or more, and at least the LARGEST_KEPT largest.
     */
    largest: ProjectLine[];
  };
  disputes: { byCategory: Record<string, TracedCount>; escalatedTo: Record<string, TracedCount> };
  villageFinance: { expendituresByCategory: Record<string, TracedMoney> };
  /** A term's prose by section (WriteReportSection), as it stands; a span that is not a term has none. */
  prose: Record<string, TracedProse>;
}

/** A section's current text with the event that wrote it. */
export interface TracedProse {
  text: string;
  events: EventRef[];
}

export const LARGEST_KEPT = 10;
/** 1亿元 in 分. */
export const LARGE_PROJECT_CNY = 100_000_000 * 100;

const tracedCount = (map: Record<string, TracedCount>, key: string, events: readonly EventRef[]) => {
  const entry = (map[key] ??= { count: 0, events: [] });
  entry.count++;
  entry.events.push(...events);
};

const tracedMoney = (entry: TracedMoney, money: Money, events: readonly EventRef[]) => {
  entry.amount[money.currency] = (entry.amount[money.currency] ?? 0) + money.minor;
  entry.events.push(...events);
};

const ONE_MATTER_ONE_DISCUSSION = 'one-matter-one-discussion';

/** Collects the details of one span from the record documents a summary scans. */
export class DetailsCollector {
  private readonly details: ReportDetails = {
    projects: { byCategory: {}, largest: [] },
    disputes: { byCategory: {}, escalatedTo: {} },
    villageFinance: { expendituresByCategory: {} },
    prose: {},
  };
  private readonly projects: ProjectLine[] = [];

  constructor(private readonly window: TermWindow) {}

  add(category: string, doc: unknown): void {
    switch (category) {
      case RECORD_CATEGORIES.project:
        return this.project(doc as ProjectDoc);
      case RECORD_CATEGORIES.dispute:
        return this.dispute(doc as DisputeDoc);
      case RECORD_CATEGORIES.entry:
        return this.entry(doc as EntryDoc);
    }
  }

  /** The prose written for the term (its `report-<termId>` record). */
  prose(doc: ReportProseDoc): void {
    for (const [section, { text, eventId }] of Object.entries(doc.sections))
      this.details.prose[section] = { text, events: refsOf(doc, [eventId]) };
  }

  finish(): ReportDetails {
    this.details.projects.largest = this.projects
      .sort(
        (a, b) => plannedCny(b) - plannedCny(a) || (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
      )
      .filter((line, i) => i < LARGEST_KEPT || plannedCny(line) >= LARGE_PROJECT_CNY);
    return this.details;
  }

  private project(project: ProjectDoc): void {
    if (project.voided || !this.window.includes(project.registeredOn)) return;
    const registration = refsOfType(project, 'ProjectRegistered');
    tracedCount(this.details.projects.byCategory, project.category, registration);
    if (project.category === ONE_MATTER_ONE_DISCUSSION) return;
    const milestones = project.milestones.filter((m) => this.window.reached(m.reachedOn));
    const latest = project.progress.filter((report) => this.window.reached(report.asOf)).at(-1);
    this.projects.push({
      projectId: project.projectId,
      name: project.name,
      category: project.category,
      ...(project.villageId ? { villageId: project.villageId } : {}),
      plannedInvestment: project.plannedInvestment,
      status: projectStatus(milestones.map((m) => m.milestone)),
      investedToDate: latest?.investedToDate ?? null,
      events: [...registration, ...refsOf(project, [...milestones.map((m) => m.eventId), latest?.eventId])],
    });
  }

  private dispute(dispute: DisputeDoc): void {
    if (dispute.voided || !this.window.includes(dispute.receivedOn)) return;
    const registration = refsOfType(dispute, 'DisputeRegistered');
    tracedCount(this.details.disputes.byCategory, dispute.category, registration);
    const { conclusion } = dispute;
    if (conclusion?.kind === 'escalated' && this.window.reached(conclusion.on))
      tracedCount(this.details.disputes.escalatedTo, conclusion.to, [
        ...registration,
        ...refsOf(dispute, [conclusion.eventId]),
      ]);
  }

  private entry(entry: EntryDoc): void {
    if (entry.kind !== 'expenditure' || !this.window.includes(entry.on)) return;
    if (entry.reversal && this.window.reached(entry.reversal.on)) return;
    const byCategory = this.details.villageFinance.expendituresByCategory;
    tracedMoney(
      (byCategory[entry.category] ??= { amount: {}, events: [] }),
      entry.amount,
      refsOf(entry, [entry.eventId]),
    );
  }
}

const plannedCny = (line: ProjectLine): number =>
  line.plannedInvestment.currency === 'CNY' ? line.plannedInvestment.minor : 0;
