import { DisputeDoc, RECORD_CATEGORIES, refsOf, refsOfType } from '../records/record-docs';
import { roundedRatio } from './decimal';
import { Tally, TermWindow } from './figures';
import { RecordSource } from '../records/record-source';
import { DisputeFigures } from './term-summary.types';

const PATH = ['disputes'];

/**
 * Disputes received in the term, with their conclusion as of the term's end. The evidence of
 * where a dispute stands is its registration and its events dated by the term's end.
 */
export const summarizeDisputes = async (window: TermWindow, source: RecordSource, tally: Tally): Promise<DisputeFigures> => {
  const figures: DisputeFigures = { registered: 0, resolvedByMediation: 0, resolvedOtherwise: 0, escalated: 0, open: 0, mediationSuccessRate: null };
  for await (const dispute of source.scan<DisputeDoc>(RECORD_CATEGORIES.dispute)) {
    if (dispute.voided || !window.includes(dispute.receivedOn)) continue;
    const registration = refsOfType(dispute, 'DisputeRegistered');
    tally.count(figures, 'registered', PATH, registration);

    const conclusion = dispute.conclusion && window.reached(dispute.conclusion.on) ? dispute.conclusion : undefined;
    const history = [
      ...registration,
      ...refsOf(dispute, [...dispute.mediations.filter((m) => window.reached(m.heldOn)).map((m) => m.eventId), conclusion?.eventId]),
    ];
    const outcome = !conclusion
      ? 'open'
      : conclusion.kind === 'escalated'
        ? 'escalated'
        : conclusion.method === 'mediation'
          ? 'resolvedByMediation'
          : 'resolvedOtherwise';
    tally.count(figures, outcome, PATH, history);
    if (conclusion) tally.trace([...PATH, 'mediationSuccessRate'], history);
  }
  const concluded = figures.resolvedByMediation + figures.resolvedOtherwise + figures.escalated;
  figures.mediationSuccessRate = roundedRatio(figures.resolvedByMediation, concluded);
  return figures;
};
