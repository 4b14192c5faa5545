import { fromThousandths, PROJECT_STATUSES, projectStatus, toThousandths } from '@sunshine/domain';
import { ProjectDoc, RECORD_CATEGORIES, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { RecordSource } from '../records/record-source';
import { ProjectFigures, ProjectStatusCounts } from './term-summary.types';

const PATH = ['projects'];
const ONE_MATTER_ONE_DISCUSSION = 'one-matter-one-discussion';

/**
 * Projects registered in the term. Status, invested-to-date and outputs as of the term's end:
 * milestones, progress reports and outputs dated after it do not count.
 */
export const summarizeProjects = async (window: TermWindow, source: RecordSource, tally: Tally): Promise<ProjectFigures> => {
  const figures: ProjectFigures = {
    registered: 0,
    byStatus: Object.fromEntries(PROJECT_STATUSES.map((status) => [status, 0])) as ProjectStatusCounts,
    investedToDate: {},
    outputs: {},
    oneMatterOneDiscussion: { projects: 0, plannedInvestment: {}, funding: {} },
  };
  // Quantities are summed as integer thousandths, exactly (3 × 38.9 is 116.7).
  const outputs = new Map<string, number>();
  for await (const project of source.scan<ProjectDoc>(RECORD_CATEGORIES.project)) {
    if (project.voided || !window.includes(project.registeredOn)) continue;
    const registration = refsOfType(project, 'ProjectRegistered');
    tally.count(figures, 'registered', PATH, registration);

    // Milestones are recorded in date order, so those reached by the term's end are a prefix.
    const milestones = project.milestones.filter((m) => window.reached(m.reachedOn));
    const status = projectStatus(milestones.map((m) => m.milestone));
    tally.count(figures.byStatus, status, [...PATH, 'byStatus'], [...registration, ...refsOf(project, milestones.map((m) => m.eventId))]);

    // Reports are cumulative and recorded in asOf order: the last one by the term's end stands.
    const latest = project.progress.filter((report) => window.reached(report.asOf)).at(-1);
    if (latest) tally.money(figures.investedToDate, latest.investedToDate, [...PATH, 'investedToDate'], [...registration, ...refsOf(project, [latest.eventId])]);

    for (const output of project.outputs) {
      if (!window.reached(output.on)) continue;
      const sum = (outputs.get(output.metric) ?? 0) + toThousandths(output.quantity);
      if (!Number.isSafeInteger(sum)) throw new RangeError(`the sum of ${output.metric} exceeds safe integers`);
      outputs.set(output.metric, sum);
      tally.trace([...PATH, 'outputs', output.metric], [...registration, ...refsOf(project, [output.eventId])]);
    }

    if (project.category === ONE_MATTER_ONE_DISCUSSION) {
      const omod = figures.oneMatterOneDiscussion;
      const omodPath = [...PATH, 'oneMatterOneDiscussion'];
      tally.count(omod, 'projects', omodPath, registration);
      tally.money(omod.plannedInvestment, project.plannedInvestment, [...omodPath, 'plannedInvestment'], registration);
      for (const { source: fundingSource, amount } of project.funding)
        tally.money((omod.funding[fundingSource] ??= {}), amount, [...omodPath, 'funding', fundingSource], registration);
    }
  }
  for (const [metric, thousandths] of outputs) figures.outputs[metric] = fromThousandths(thousandths);
  return figures;
};
