import { LocalDate, Money } from '../shared';

export type ProjectCategory =
  'industrial' | 'infrastructure' | 'public-service' | 'one-matter-one-discussion' | 'other';
export const PROJECT_CATEGORIES: readonly ProjectCategory[] = [
  'industrial',
  'infrastructure',
  'public-service',
  'one-matter-one-discussion',
  'other',
];

export type FundingSource = 'town' | 'town-award' | 'county' | 'villagers' | 'enterprise' | 'other';
export const FUNDING_SOURCES: readonly FundingSource[] = [
  'town',
  'town-award',
  'county',
  'villagers',
  'enterprise',
  'other',
];

export type Milestone =
  'agreement-signed' | 'construction-started' | 'completed' | 'accepted' | 'commissioned' | 'suspended' | 'resumed';
export const MILESTONES: readonly Milestone[] = [
  'agreement-signed',
  'construction-started',
  'completed',
  'accepted',
  'commissioned',
  'suspended',
  'resumed',
];

export const SUGGESTED_OUTPUT_METRICS = ['rural-road-km', 'reservoir-reinforced', 'school-retrofit'] as const;

/** One source of a project's funding; amounts are CNY. */
export interface Funding {
  source: FundingSource;
  amount: Money;
}

export interface RegisterProject {
  type: 'RegisterProject';
  data: {
    projectId: string;
    name: string;
    category: ProjectCategory;
    registeredOn: LocalDate;
    plannedInvestment: Money;
    funding?: Funding[];
    villageId?: string;
  };
}

export interface RecordMilestone {
  type: 'RecordMilestone';
  data: { projectId: string; milestone: Milestone; reachedOn: LocalDate; note?: string };
}

export interface ReportProjectProgress {
  type: 'ReportProjectProgress';
  /** investedToDate is cumulative (CNY); a reason makes the report a correction. */
  data: { projectId: string; investedToDate: Money; asOf: LocalDate; reason?: string };
}

export interface RecordProjectOutput {
  type: 'RecordProjectOutput';
  /** quantity > 0 with at most 3 decimals, kept as sent. */
  data: { projectId: string; metric: string; quantity: number; on: LocalDate };
}

export interface MarkKeyProject {
  type: 'MarkKeyProject';
  /** Key projects (重点项目) are named one by one in reports; unmarking one also needs a reason. */
  data: { projectId: string; key: boolean; reason: string };
}

export type ProjectCommand =
  RegisterProject | RecordMilestone | ReportProjectProgress | RecordProjectOutput | MarkKeyProject;
