import { DisputeDoc, refsOf, refsOfType } from '../records/record-docs';
import { roundedRatio } from './decimal';
import { Tally, TermWindow } from './figures';
import { DisputeFigures } from './term-summary.types';

const PATH = ['disputes'];

export const noDisputes = (): DisputeFigures => ({
  registered: 0,
  resolvedByMediation: 0,
  resolvedOtherwise: 0,
  escalated: 0,
  open: 0,
  mediationSuccessRate: null,
});

/**
 * Disputes received in the term, with their conclusion as of the term's end. The evidence of
 * where a dispute stands is its registration and its events dated by the term's end.
 */
export const countDispute = (dispute: DisputeDoc, window: TermWindow, tally: Tally): void => {
  if (dispute.voided || !window.includes(dispute.receivedOn)) return;
  const registration = refsOfType(dispute, 'DisputeRegistered');
  tally.count([...PATH, 'registered'], registration);

  const conclusion = dispute.conclusion && window.reached(dispute.conclusion.on) ? dispute.conclusion : undefined;
  const history = [
    ...registration,
    ...refsOf(dispute, [
      ...dispute.mediations.filter((m) => window.reached(m.heldOn)).map((m) => m.eventId),
      conclusion?.eventId,
    ]),
  ];
  const outcome = !conclusion
    ? 'open'
    : conclusion.kind === 'escalated'
      ? 'escalated'
      : conclusion.method === 'mediation'
        ? 'resolvedByMediation'
        : 'resolvedOtherwise';
  tally.count([...PATH, outcome], history);
  if (conclusion) tally.trace([...PATH, 'mediationSuccessRate'], history);
};

/** The success rate: disputes resolved by mediation among those concluded. */
export const finishDisputes = (figures: DisputeFigures): void => {
  const concluded = figures.resolvedByMediation + figures.resolvedOtherwise + figures.escalated;
  figures.mediationSuccessRate = roundedRatio(figures.resolvedByMediation, concluded);
};
