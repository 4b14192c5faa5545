import { fromThousandths, PROJECT_STATUSES, projectStatus, ProjectStatus, toThousandths } from '@sunshine/domain';
import { ProjectDoc, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { KeyProjectFigures, ProjectFigures, ProjectStatusCounts } from './term-summary.types';

const PATH = ['projects'];
const ONE_MATTER_ONE_DISCUSSION = 'one-matter-one-discussion';

export const noProjects = (): ProjectFigures => ({
  registered: 0,
  byStatus: Object.fromEntries(PROJECT_STATUSES.map((status) => [status, 0])) as ProjectStatusCounts,
  investedToDate: {},
  outputs: {},
  oneMatterOneDiscussion: { projects: 0, plannedInvestment: {}, funding: {} },
});

/**
 * Projects registered in the term. Status, invested-to-date and outputs as of the term's end:
 * milestones, progress reports and outputs dated after it do not count.
 */
export const countProject = (project: ProjectDoc, window: TermWindow, tally: Tally): void => {
  if (project.voided || !window.includes(project.registeredOn)) return;
  const registration = refsOfType(project, 'ProjectRegistered');
  tally.count([...PATH, 'registered'], registration);

  // Milestones are recorded in date order, so those reached by the term's end are a prefix.
  const milestones = project.milestones.filter((m) => window.reached(m.reachedOn));
  const status = projectStatus(milestones.map((m) => m.milestone));
  tally.count(
    [...PATH, 'byStatus', status],
    [
      ...registration,
      ...refsOf(
        project,
        milestones.map((m) => m.eventId),
      ),
    ],
  );

  // Reports are cumulative and recorded in asOf order: the last one by the term's end stands.
  const latest = project.progress.filter((report) => window.reached(report.asOf)).at(-1);
  if (latest)
    tally.money([...PATH, 'investedToDate'], latest.investedToDate, [
      ...registration,
      ...refsOf(project, [latest.eventId]),
    ]);

  // Quantities are summed as integer thousandths, exactly (3 × 38.9 is 116.7).
  for (const output of project.outputs)
    if (window.reached(output.on))
      tally.sum([...PATH, 'outputs', output.metric], toThousandths(output.quantity), [
        ...registration,
        ...refsOf(project, [output.eventId]),
      ]);

  if (project.category === ONE_MATTER_ONE_DISCUSSION) {
    const omodPath = [...PATH, 'oneMatterOneDiscussion'];
    tally.count([...omodPath, 'projects'], registration);
    tally.money([...omodPath, 'plannedInvestment'], project.plannedInvestment, registration);
    for (const { source: fundingSource, amount } of project.funding)
      tally.money([...omodPath, 'funding', fundingSource], amount, registration);
  }
};

/** Outputs were summed in thousandths. */
export const finishProjects = (figures: ProjectFigures): void => {
  for (const metric of Object.keys(figures.outputs)) figures.outputs[metric] = fromThousandths(figures.outputs[metric]);
};

/** A project that reached one of these before a term began was finished before it. */
const FINISHED: ReadonlySet<ProjectStatus> = new Set(['completed', 'accepted', 'commissioned']);

/**
 * A project marked key (重点项目) as it stands now (a mark has no business date) counts in a term it
 * is under way in: registered in the term, or registered before it and not finished by its first
 * day (a large project runs across terms and each term's summary names it). Status and investment
 * as of the term's end, and the investment reported before the term began.
 */
export const countKeyProject = (project: ProjectDoc, window: TermWindow, tally: Tally): void => {
  if (project.voided || !project.key?.key || !window.reached(project.registeredOn)) return;
  const before = (date: string) => date < window.from;
  const milestonesBefore = project.milestones.filter((m) => before(m.reachedOn));
  if (before(project.registeredOn) && FINISHED.has(projectStatus(milestonesBefore.map((m) => m.milestone)))) return;
  const milestones = project.milestones.filter((m) => window.reached(m.reachedOn));
  const latest = project.progress.filter((report) => window.reached(report.asOf)).at(-1);
  const atStart = project.progress.filter((report) => before(report.asOf)).at(-1);
  const figure: KeyProjectFigures = {
    name: project.name,
    category: project.category,
    registeredOn: project.registeredOn,
    plannedInvestment: project.plannedInvestment,
    status: projectStatus(milestones.map((m) => m.milestone)),
    investedToDate: latest?.investedToDate ?? null,
    investedAtStart: atStart?.investedToDate ?? null,
  };
  const path = ['keyProjects', project.projectId];
  tally.trace(path, [
    ...refsOfType(project, 'ProjectRegistered'),
    ...refsOf(project, [project.key.eventId, ...milestones.map((m) => m.eventId), latest?.eventId, atStart?.eventId]),
  ]);
  tally.state(path, figure);
};
