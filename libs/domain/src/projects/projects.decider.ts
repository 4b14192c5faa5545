import {
  alreadyExists,
  Decider,
  DecisionContext,
  hasAtMostThreeDecimals,
  inCny,
  LocalDate,
  notFound,
  notInFuture,
  RuleViolation,
  unknownEvent,
} from '../shared';
import { Milestone, ProjectCommand, RecordMilestone, ReportProjectProgress } from './projects.commands';
import { MilestoneReached, ProjectEvent, ProjectProgressReported } from './projects.events';
import { afterMilestone, NEW_PROJECT, StatusTrack } from './project-status';

export type Project =
  | { registered: false }
  | {
      registered: true;
      projectId: string;
      villageId?: string;
      track: StatusTrack;
      /** Milestones that happen once (all but suspended/resumed). */
      reached: Milestone[];
      lastMilestoneOn?: LocalDate;
      lastReport?: { investedToDate: number; asOf: LocalDate; eventId?: string };
      /** Marked a key project (重点项目). */
      key?: boolean;
    };

type RegisteredProject = Extract<Project, { registered: true }>;

const PROJECT = { zh: '项目', en: 'Project' };

/** Which milestone each one needs before it: construction-started → completed → accepted, commissioned after completed. */
const NEEDS: Partial<Record<Milestone, Milestone>> = {
  completed: 'construction-started',
  accepted: 'completed',
  commissioned: 'completed',
};

const MILESTONE_NAMES: Record<Milestone, string> = {
  'agreement-signed': '签订协议',
  'construction-started': '开工',
  completed: '完工',
  accepted: '竣工验收',
  commissioned: '投入使用',
  suspended: '停工',
  resumed: '复工',
};

const registered = (state: Project, projectId: string): RegisteredProject => {
  if (!state.registered) throw notFound(PROJECT, projectId, 'data.projectId');
  return state;
};

const hasText = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

export const projectDecider: Decider<ProjectCommand, ProjectEvent, Project> = {
  initialState: () => ({ registered: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ProjectRegistered':
        return {
          registered: true,
          projectId: event.data.projectId,
          villageId: event.data.villageId,
          track: NEW_PROJECT,
          reached: [],
        };
      case 'MilestoneReached': {
        if (!state.registered) return state;
        const { milestone, reachedOn } = event.data;
        const repeatable = milestone === 'suspended' || milestone === 'resumed';
        return {
          ...state,
          track: afterMilestone(state.track, milestone),
          reached: repeatable ? state.reached : [...state.reached, milestone],
          lastMilestoneOn: reachedOn,
        };
      }
      case 'ProjectProgressReported':
        return state.registered
          ? {
              ...state,
              lastReport: {
                investedToDate: event.data.investedToDate.minor,
                asOf: event.data.asOf,
                eventId: event.eventId,
              },
            }
          : state;
      case 'ProjectOutputRecorded':
        // Outputs are counted by the summary; no rule decides on them.
        return state;
      case 'KeyProjectMarked':
        return state.registered ? { ...state, key: event.data.key } : state;
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'RegisterProject': {
        const { projectId, category, registeredOn, villageId } = command.data;
        if (state.registered) throw alreadyExists(PROJECT, projectId, 'data.projectId');
        notInFuture(registeredOn, 'registeredOn', context);
        inCny(command.data.plannedInvestment, 'plannedInvestment');
        command.data.funding?.forEach((f, i) => inCny(f.amount, `funding.${i}.amount`));
        if (category === 'one-matter-one-discussion' && villageId === undefined)
          throw new RuleViolation(
            'RULE_PROJECT_VILLAGE_REQUIRED',
            { zh: '一事一议项目必须注明所属村', en: 'a one-matter-one-discussion project must name its village' },
            'data.villageId',
          );
        return [{ type: 'ProjectRegistered', data: { ...command.data }, occurredOn: registeredOn }];
      }
      case 'RecordMilestone':
        return [recordMilestone(command.data, registered(state, command.data.projectId), context)];
      case 'ReportProjectProgress':
        return [reportProgress(command.data, registered(state, command.data.projectId), context)];
      case 'RecordProjectOutput': {
        const { projectId, quantity, on } = command.data;
        registered(state, projectId);
        notInFuture(on, 'on', context);
        if (!(quantity > 0))
          throw new RuleViolation(
            'RULE_QUANTITY_NOT_POSITIVE',
            { zh: '产出数量必须大于零', en: 'quantity must be greater than zero' },
            'data.quantity',
          );
        if (!hasAtMostThreeDecimals(quantity))
          throw new RuleViolation(
            'RULE_QUANTITY_PRECISION',
            { zh: '产出数量最多保留三位小数', en: 'quantity may have at most 3 decimals' },
            'data.quantity',
          );
        return [{ type: 'ProjectOutputRecorded', data: { ...command.data }, occurredOn: on }];
      }
      case 'MarkKeyProject': {
        const { projectId, key } = command.data;
        const project = registered(state, projectId);
        if ((project.key ?? false) === key)
          throw new RuleViolation(
            'RULE_KEY_PROJECT_UNCHANGED',
            {
              zh: key ? `项目「${projectId}」已是重点项目` : `项目「${projectId}」不是重点项目`,
              en: key ? `project ${projectId} is a key project already` : `project ${projectId} is not a key project`,
            },
            'data.key',
          );
        return [{ type: 'KeyProjectMarked', data: { ...command.data } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const recordMilestone = (
  data: RecordMilestone['data'],
  project: RegisteredProject,
  context: DecisionContext,
): MilestoneReached => {
  const { milestone, reachedOn } = data;
  const name = MILESTONE_NAMES[milestone];
  notInFuture(reachedOn, 'reachedOn', context);
  if (project.track.status === 'suspended' && milestone !== 'resumed')
    throw new RuleViolation(
      'RULE_PROJECT_SUSPENDED',
      {
        zh: `项目「${project.projectId}」已停工，复工之前不能登记「${name}」`,
        en: `project ${project.projectId} is suspended: only "resumed" is accepted`,
      },
      'data.milestone',
    );
  if (milestone === 'resumed' && project.track.status !== 'suspended')
    throw new RuleViolation(
      'RULE_PROJECT_NOT_SUSPENDED',
      {
        zh: `项目「${project.projectId}」未停工，不能登记复工`,
        en: `project ${project.projectId} is not suspended, so it cannot resume`,
      },
      'data.milestone',
    );
  if (project.reached.includes(milestone))
    throw new RuleViolation(
      'RULE_MILESTONE_ALREADY_REACHED',
      {
        zh: `项目「${project.projectId}」已登记过「${name}」，每个节点只能登记一次`,
        en: `project ${project.projectId} already reached "${milestone}"`,
      },
      'data.milestone',
    );
  const needed = NEEDS[milestone];
  if (needed && !project.reached.includes(needed))
    throw new RuleViolation(
      'RULE_MILESTONE_OUT_OF_ORDER',
      { zh: `「${name}」之前须先登记「${MILESTONE_NAMES[needed]}」`, en: `"${milestone}" needs "${needed}" first` },
      'data.milestone',
    );
  if (project.lastMilestoneOn !== undefined && reachedOn < project.lastMilestoneOn)
    throw new RuleViolation(
      'RULE_MILESTONE_BEFORE_PREVIOUS',
      {
        zh: `节点日期 ${reachedOn} 早于上一个节点的日期 ${project.lastMilestoneOn}`,
        en: `reachedOn ${reachedOn} is before the previous milestone's date ${project.lastMilestoneOn}`,
      },
      'data.reachedOn',
    );
  return { type: 'MilestoneReached', data: { ...data }, occurredOn: reachedOn };
};

const reportProgress = (
  data: ReportProjectProgress['data'],
  project: RegisteredProject,
  context: DecisionContext,
): ProjectProgressReported => {
  const { asOf, investedToDate, reason } = data;
  notInFuture(asOf, 'asOf', context);
  inCny(investedToDate, 'investedToDate');
  const last = project.lastReport;
  if (last && asOf < last.asOf)
    throw new RuleViolation(
      'RULE_PROGRESS_BEFORE_LAST_REPORT',
      {
        zh: `本次截止日期 ${asOf} 早于上次进度报告的截止日期 ${last.asOf}`,
        en: `asOf ${asOf} is before the last report's ${last.asOf}`,
      },
      'data.asOf',
    );
  const correction = hasText(reason);
  if (last && investedToDate.minor < last.investedToDate && !correction)
    throw new RuleViolation(
      'RULE_PROGRESS_DECREASES',
      {
        zh: '累计完成投资不能少于上次报告的数额；如为更正，请填写更正原因',
        en: 'investedToDate is below the last report; give a reason to correct it',
      },
      'data.investedToDate',
    );
  // A reason makes the report a correction of the one before it, also when the figure rises.
  return {
    type: 'ProjectProgressReported',
    data: { ...data },
    occurredOn: asOf,
    ...(correction && last?.eventId ? { corrects: last.eventId } : {}),
  };
};
