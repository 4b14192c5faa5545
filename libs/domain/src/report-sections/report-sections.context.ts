import { defineContext } from '../shared/command-spec';
import { reportSectionsDecider } from './report-sections.decider';
import { reportStream } from './report-sections.events';

export const reportSectionsContext = defineContext({
  name: 'report-sections',
  category: 'report',
  aggregate: { zh: '工作总结文字', en: 'report text' },
  decider: reportSectionsDecider,
  commands: {
    WriteReportSection: {
      stream: (d) => reportStream(d.termId),
      creates: true,
      idField: 'termId',
      references: (d) => [{ field: 'data.termId', what: { zh: '届次', en: 'Term' }, id: d.termId, term: d.termId }],
    },
  },
});
