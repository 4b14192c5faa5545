import { AuditDoc, RECORD_CATEGORIES, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { RecordSource } from '../records/record-source';
import { AuditFigures } from './term-summary.types';

const PATH = ['audits'];

/**
 * Audits opened in the term; their findings go with them whenever recorded (a finding has no
 * business date of its own). Closures and rectifications count when dated by the term's end, so a
 * finding rectified after it is still open in this term's summary.
 */
export const summarizeAudits = async (window: TermWindow, source: RecordSource, tally: Tally): Promise<AuditFigures> => {
  const figures: AuditFigures = { opened: 0, closed: 0, findings: 0, openFindings: 0, amountInvolved: {}, amountRecovered: {} };
  for await (const audit of source.scan<AuditDoc>(RECORD_CATEGORIES.audit)) {
    if (audit.voided || !window.includes(audit.openedOn)) continue;
    const opening = refsOfType(audit, 'AuditOpened');
    tally.count(figures, 'opened', PATH, opening);
    if (audit.closure && window.reached(audit.closure.closedOn)) tally.count(figures, 'closed', PATH, [...opening, ...refsOf(audit, [audit.closure.eventId])]);
    for (const finding of audit.findings) {
      const recorded = [...opening, ...refsOf(audit, [finding.eventId])];
      tally.count(figures, 'findings', PATH, recorded);
      if (finding.amountInvolved) tally.money(figures.amountInvolved, finding.amountInvolved, [...PATH, 'amountInvolved'], recorded);
      const { rectification } = finding;
      if (!rectification || !window.reached(rectification.rectifiedOn)) tally.count(figures, 'openFindings', PATH, recorded);
      else if (rectification.amountRecovered)
        tally.money(figures.amountRecovered, rectification.amountRecovered, [...PATH, 'amountRecovered'], [...recorded, ...refsOf(audit, [rectification.eventId])]);
    }
  }
  return figures;
};
