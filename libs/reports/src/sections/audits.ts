import { join, Section, text } from '../document';
import { hasMoney, Writer } from './writer';

/**
 * 审计监督和问题整改: audits opened in the span, their findings and what was rectified and
 * recovered by its end. Left out without an audit.
 */
export const auditsSection = (w: Writer): Section | undefined => {
  const a = w.summary.audits;
  const before = w.before?.audits;
  if (a.opened === 0) return undefined;
  const opened = text`${w.words.span}共开展审计${w.count('audits.opened', a.opened, '项', before?.opened)}${
    a.closed > 0 ? text`，已审结${w.count('audits.closed', a.closed, '项')}` : ''
  }`;
  if (a.findings === 0) return { heading: '审计监督和问题整改', paragraphs: [text`${opened}，未发现问题。`] };
  const found = join(
    [
      text`发现问题${w.count('audits.findings', a.findings, '个', before?.findings)}`,
      hasMoney(a.amountInvolved) ? text`涉及金额${w.money('audits.amountInvolved', a.amountInvolved)}` : [],
    ],
    '，',
  );
  const recovered = hasMoney(a.amountRecovered)
    ? text`已追回（挽回）资金${w.money('audits.amountRecovered', a.amountRecovered)}；`
    : '';
  const rectified =
    a.openFindings > 0
      ? text`尚有${w.count('audits.openFindings', a.openFindings, '个')}问题未整改到位，正督促整改`
      : text`发现的问题均已整改到位`;
  return { heading: '审计监督和问题整改', paragraphs: [text`${opened}；${found}；${recovered}${rectified}。`] };
};
