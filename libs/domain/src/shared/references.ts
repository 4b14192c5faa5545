import { Reference } from './command-spec';

/** References by kind; the stream names follow docs/domain.md#streams-and-events: `<category>-<id>`. */
export const villageRef = (id: string | undefined, field = 'data.villageId'): Reference[] =>
  id === undefined ? [] : [{ field, stream: `village-${id}`, what: { zh: '村', en: 'Village' }, id }];

export const projectRef = (id: string | undefined, field = 'data.projectId'): Reference[] =>
  id === undefined ? [] : [{ field, stream: `project-${id}`, what: { zh: '项目', en: 'Project' }, id }];

export const investmentRef = (id: string | undefined, field = 'data.investmentId'): Reference[] =>
  id === undefined ? [] : [{ field, stream: `investment-${id}`, what: { zh: '招商项目', en: 'Investment' }, id }];
