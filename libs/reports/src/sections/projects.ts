import { Money, wordFor } from '@sunshine/domain';
import { KeyProjectFigures, LARGE_PROJECT_CNY, ProjectLine } from '@sunshine/projections';
import { formatMoney } from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import { inOrder, PROJECT_CATEGORY_ORDER, PROJECT_STATUS_ORDER } from '../labels';
import { IndicatorParagraphs } from './indicators';
import { hasMoney, Writer } from './writer';

/** At most this many of the projects planned at 1亿元 or more are named when none is marked key. */
export const LARGE_PROJECTS_NAMED = 5;
/** Without a project marked key or one of 1亿元, the largest this many are named. */
export const LARGEST_NAMED = 3;

/**
 * The projects a report names one by one when none is marked key (重点项目): those planned at
 * 1亿元 or more (the five largest of them), else the three largest — a 6.5亿元 project is named
 * with its investment and status, not lost in a total, but not called a key project either.
 */
export const largestProjects = (
  largest: readonly ProjectLine[],
): { large: ProjectLine[] | undefined; named: ProjectLine[] } => {
  const large = largest.filter(
    (p) => p.plannedInvestment.currency === 'CNY' && p.plannedInvestment.minor >= LARGE_PROJECT_CNY,
  );
  return large.length > 0
    ? { large, named: large.slice(0, LARGE_PROJECTS_NAMED) }
    : { large: undefined, named: largest.slice(0, LARGEST_NAMED) };
};

const money = (m: Money) => formatMoney(m.minor, m.currency);

const largeProjectLine = (w: Writer, project: ProjectLine): Inline[] => {
  const path = `details.projects.largest.${project.projectId}`;
  const planned = w.figure(`${path}.plannedInvestment`, money(project.plannedInvestment), project.events);
  const invested =
    project.investedToDate && project.investedToDate.minor > 0
      ? text`，已完成投资${w.figure(`${path}.investedToDate`, money(project.investedToDate), project.events)}`
      : '';
  return text`${project.name}（计划投资${planned}${invested}，${wordFor('projectStatus', project.status)}）`;
};

/**
 * A key project as the summary states it: planned, invested by the span's end and, for one carried
 * over from before the span, how much of that was invested in it.
 */
const keyProjectLine = (w: Writer, projectId: string, project: KeyProjectFigures): Inline[] => {
  const path = `keyProjects.${projectId}`;
  const { investedToDate: invested, investedAtStart: before } = project;
  const inSpan =
    invested && before && before.currency === invested.currency && invested.minor > before.minor && before.minor > 0
      ? text`，其中${w.words.span}完成${w.figure(
          `details.keyProjects.${projectId}.investedInSpan`,
          formatMoney(invested.minor - before.minor, invested.currency),
          w.eventsOf(path),
        )}`
      : '';
  return text`${project.name}（计划投资${w.figure(`${path}.plannedInvestment`, money(project.plannedInvestment))}${
    invested && invested.minor > 0
      ? text`，累计完成投资${w.figure(`${path}.investedToDate`, money(invested))}${inSpan}`
      : ''
  }，${wordFor('projectStatus', project.status)}）`;
};

/** The key projects by planned investment, largest first. */
const keyProjectsInOrder = (keyProjects: Record<string, KeyProjectFigures>) =>
  Object.entries(keyProjects).sort(
    ([a, x], [b, y]) =>
      (y.plannedInvestment.currency === 'CNY' ? y.plannedInvestment.minor : 0) -
        (x.plannedInvestment.currency === 'CNY' ? x.plannedInvestment.minor : 0) || (a < b ? -1 : 1),
  );

/** The paragraph naming projects: the key projects, or until some are marked, the largest. */
const namedProjects = (w: Writer): Paragraph | undefined => {
  const key = keyProjectsInOrder(w.summary.keyProjects);
  if (key.length > 0)
    return text`重点项目${w.figure('keyProjects', `${key.length}个`)}：${join(
      key.map(([projectId, project]) => keyProjectLine(w, projectId, project)),
      '；',
    )}。`;
  const { large, named } = largestProjects(w.details.projects.largest);
  if (named.length === 0) return undefined;
  const lines = join(
    named.map((p) => largeProjectLine(w, p)),
    '；',
  );
  return large
    ? text`计划投资1亿元以上的项目${w.count(
        'details.projects.atLeast100mCny',
        large.length,
        '个',
        undefined,
        large.flatMap((p) => p.events),
      )}${large.length > named.length ? `，其中投资最大的${named.length}个` : ''}：${lines}。`
    : text`投资规模居前的项目有：${lines}。`;
};

/**
 * 项目建设: the prose written for it; projects registered in the span by category and status; the
 * key projects by name with their investment and status; infrastructure indicators.
 */
export const projectsSection = (w: Writer, indicators: IndicatorParagraphs): Section | undefined => {
  const projects = w.summary.projects;
  const before = w.before?.projects;
  const paragraphs: Paragraph[] = [...w.prose('projects')];
  if (projects.registered > 0) {
    const byCategory = w.details.projects.byCategory;
    const categories = inOrder(
      Object.keys(byCategory).filter((c) => c !== 'one-matter-one-discussion'),
      PROJECT_CATEGORY_ORDER,
    ).map(
      (category) =>
        text`${wordFor('projectCategory', category)}${w.count(`details.projects.byCategory.${category}`, byCategory[category].count, '个', undefined, byCategory[category].events)}`,
    );
    const statuses = PROJECT_STATUS_ORDER.filter((status) => projects.byStatus[status] > 0).map(
      (status) =>
        text`${wordFor('projectStatus', status)}${w.count(`projects.byStatus.${status}`, projects.byStatus[status], '个')}`,
    );
    paragraphs.push(
      text`${w.words.span}共登记建设项目${w.count('projects.registered', projects.registered, '个', before?.registered)}${
        categories.length > 0 ? text`，其中${join(categories, '、')}` : ''
      }。${w.words.atEnd}，${join(statuses, '、')}${
        hasMoney(projects.investedToDate)
          ? text`，累计完成投资${w.money('projects.investedToDate', projects.investedToDate, before?.investedToDate)}`
          : ''
      }。`,
    );
  }
  const named = namedProjects(w);
  if (named) paragraphs.push(named);
  paragraphs.push(...indicators.projects);
  return paragraphs.length > 0 ? { heading: '项目建设', paragraphs } : undefined;
};
