import { AuditDoc, refsOf, refsOfType } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { AuditFigures } from './term-summary.types';

const PATH = ['audits'];

export const noAudits = (): AuditFigures => ({
  opened: 0,
  closed: 0,
  findings: 0,
  openFindings: 0,
  amountInvolved: {},
  amountRecovered: {},
});

/**
 * Audits opened in the term, with their findings found by the term's end (a finding recorded
 * before findings had a date goes with its audit whenever recorded). Closures and rectifications
 * count when dated by the term's end, so a finding rectified after it is still open in this term's
 * summary.
 */
export const countAudit = (audit: AuditDoc, window: TermWindow, tally: Tally): void => {
  if (audit.voided || !window.includes(audit.openedOn)) return;
  const opening = refsOfType(audit, 'AuditOpened');
  tally.count([...PATH, 'opened'], opening);
  if (audit.closure && window.reached(audit.closure.closedOn))
    tally.count([...PATH, 'closed'], [...opening, ...refsOf(audit, [audit.closure.eventId])]);
  for (const finding of audit.findings) {
    if (!finding.undated && !window.reached(finding.foundOn)) continue;
    const recorded = [...opening, ...refsOf(audit, [finding.eventId])];
    tally.count([...PATH, 'findings'], recorded);
    if (finding.amountInvolved) tally.money([...PATH, 'amountInvolved'], finding.amountInvolved, recorded);
    const { rectification } = finding;
    if (!rectification || !window.reached(rectification.rectifiedOn)) tally.count([...PATH, 'openFindings'], recorded);
    else if (rectification.amountRecovered)
      tally.money([...PATH, 'amountRecovered'], rectification.amountRecovered, [
        ...recorded,
        ...refsOf(audit, [rectification.eventId]),
      ]);
  }
};
