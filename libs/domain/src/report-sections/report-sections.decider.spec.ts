import { specFor } from '../shared/testing/given';
import { reportSectionsContext } from './report-sections.context';
import { reportSectionsDecider } from './report-sections.decider';
import { ReportSection, ReportSectionCommand } from './report-sections.commands';
import { ReportSectionEvent } from './report-sections.events';

const given = specFor(reportSectionsDecider);
const write = (section: ReportSection, text: string): ReportSectionCommand => ({
  type: 'WriteReportSection',
  data: { termId: '2021-2026', section, text },
});
const written = (section: ReportSection, text: string, eventId: string): ReportSectionEvent => ({
  type: 'ReportSectionWritten',
  data: { termId: '2021-2026', section, text },
  eventId,
});

describe("a work summary's prose", () => {
  it('writes a section', () =>
    given([])
      .when(write('next-steps', '一是抓项目建设。'))
      .then([{ type: 'ReportSectionWritten', data: { section: 'next-steps', text: '一是抓项目建设。' } }]));

  it('replaces a section written before, the earlier text staying in the log as corrected', () =>
    given([written('next-steps', '初稿', 'e-1'), written('difficulties', '困难', 'e-2')])
      .when(write('next-steps', '定稿'))
      .then([{ type: 'ReportSectionWritten', data: { text: '定稿' }, corrects: 'e-1' }]));

  it('appends nothing when the text is the same', () =>
    given([written('preface', '五年来', 'e-1')])
      .when(write('preface', '五年来'))
      .then([]));

  it("keeps a term's prose in one stream, and needs the term to exist", () => {
    const spec = reportSectionsContext.commands.WriteReportSection;
    const data = { termId: '2021-2026', section: 'preface' as const, text: '五年来' };
    expect(spec.stream(data)).toBe('report-2021-2026');
    expect(spec.references?.(data)).toEqual([expect.objectContaining({ term: '2021-2026', field: 'data.termId' })]);
  });
});
