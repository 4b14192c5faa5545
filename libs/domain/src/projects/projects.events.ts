import { DomainEvent } from '../shared';
import {
  MarkKeyProject,
  RecordMilestone,
  RecordProjectOutput,
  RegisterProject,
  ReportProjectProgress,
} from './projects.commands';

export type ProjectRegistered = DomainEvent<'ProjectRegistered', RegisterProject['data']>;
export type MilestoneReached = DomainEvent<'MilestoneReached', RecordMilestone['data']>;
/** A report with a reason is a correction: it `corrects` the previous report. */
export type ProjectProgressReported = DomainEvent<'ProjectProgressReported', ReportProjectProgress['data']>;
export type ProjectOutputRecorded = DomainEvent<'ProjectOutputRecorded', RecordProjectOutput['data']>;

export type KeyProjectMarked = DomainEvent<'KeyProjectMarked', MarkKeyProject['data']>;

export type ProjectEvent =
  ProjectRegistered | MilestoneReached | ProjectProgressReported | ProjectOutputRecorded | KeyProjectMarked;

export const projectStream = (projectId: string): string => `project-${projectId}`;
