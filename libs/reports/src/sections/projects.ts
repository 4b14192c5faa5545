import { wordFor } from '@sunshine/domain';
import { LARGE_PROJECT_CNY, ProjectLine } from '@sunshine/projections';
import { formatMoney } from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import { inOrder, PROJECT_CATEGORY_ORDER, PROJECT_STATUS_ORDER } from '../labels';
import { hasMoney, Writer } from './writer';

/** At most this many key projects are named one by one. */
export const KEY_PROJECTS_NAMED = 5;
/** Without a project of 1亿元, the largest this many are named. */
export const LARGEST_NAMED = 3;

/**
 * The projects a report names one by one. Until projects can be marked as key projects (重点项目),
 * those planned at 1亿元 or more (the five largest of them named), else the three largest: a
 * 6.5亿元 project is named with its investment and status, not lost in a total.
 */
export const namedProjects = (
  largest: readonly ProjectLine[],
): { key: ProjectLine[] | undefined; named: ProjectLine[] } => {
  const key = largest.filter(
    (p) => p.plannedInvestment.currency === 'CNY' && p.plannedInvestment.minor >= LARGE_PROJECT_CNY,
  );
  return key.length > 0
    ? { key, named: key.slice(0, KEY_PROJECTS_NAMED) }
    : { key: undefined, named: largest.slice(0, LARGEST_NAMED) };
};

const projectLine = (w: Writer, project: ProjectLine): Inline[] => {
  const path = `details.projects.largest.${project.projectId}`;
  const planned = w.figure(
    `${path}.plannedInvestment`,
    formatMoney(project.plannedInvestment.minor, project.plannedInvestment.currency),
    project.events,
  );
  const invested =
    project.investedToDate && project.investedToDate.minor > 0
      ? text`，已完成投资${w.figure(`${path}.investedToDate`, formatMoney(project.investedToDate.minor, project.investedToDate.currency), project.events)}`
      : '';
  return text`${project.name}（计划投资${planned}${invested}，${wordFor('projectStatus', project.status)}）`;
};

/** 项目建设: projects registered in the span, by category and status, the key projects by name. */
export const projectsSection = (w: Writer): Section | undefined => {
  const projects = w.summary.projects;
  const before = w.before?.projects;
  if (projects.registered === 0) return undefined;
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
  const overview = text`${w.words.span}共登记建设项目${w.count('projects.registered', projects.registered, '个', before?.registered)}${
    categories.length > 0 ? text`，其中${join(categories, '、')}` : ''
  }。${w.words.atEnd}，${join(statuses, '、')}${
    hasMoney(projects.investedToDate)
      ? text`，累计完成投资${w.money('projects.investedToDate', projects.investedToDate, before?.investedToDate)}`
      : ''
  }。`;
  const paragraphs: Paragraph[] = [overview];

  const { key, named } = namedProjects(w.details.projects.largest);
  if (named.length > 0) {
    const lines = join(
      named.map((p) => projectLine(w, p)),
      '；',
    );
    paragraphs.push(
      key
        ? text`计划投资1亿元以上的重点项目${w.count(
            'details.projects.atLeast100mCny',
            key.length,
            '个',
            undefined,
            key.flatMap((p) => p.events),
          )}${key.length > named.length ? `，其中投资最大的${named.length}个` : ''}：${lines}。`
        : text`投资规模居前的项目有：${lines}。`,
    );
  }
  return { heading: '项目建设', paragraphs };
};
