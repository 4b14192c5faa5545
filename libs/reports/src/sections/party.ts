import { wordFor } from '@sunshine/domain';
import { join, Paragraph, Section, text } from '../document';
import { IndicatorParagraphs } from './indicators';
import { hasMoney, Writer } from './writer';

/**
 * Audits opened in the span, their findings and what was rectified and recovered by its end; a
 * sentence saying nothing was found when an audit found nothing.
 */
const auditParagraphs = (w: Writer): Paragraph[] => {
  const a = w.summary.audits;
  const before = w.before?.audits;
  if (a.opened === 0) return [];
  const opened = text`${w.words.span}共开展审计${w.count('audits.opened', a.opened, '项', before?.opened)}${
    a.closed > 0 ? text`，已审结${w.count('audits.closed', a.closed, '项')}` : ''
  }`;
  if (a.findings === 0) return [text`${opened}，未发现问题。`];
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
  return [text`${opened}；${found}；${recovered}${rectified}。`];
};

/**
 * Party building and clean government (党的建设 / 党风廉政建设): the prose written for each and the
 * Party-building indicators, then audits and the rectification of what they found, with the prose
 * written for them. Headed by what it holds: audits alone are 审计监督和问题整改. Left out with
 * nothing.
 */
export const partySection = (w: Writer, indicators: IndicatorParagraphs): Section | undefined => {
  const party = [...w.prose('party-building'), ...indicators['party-building']];
  const cleanGovernment = w.prose('clean-government');
  const audits = [...w.prose('audits'), ...auditParagraphs(w)];
  const paragraphs = [...party, ...cleanGovernment, ...audits];
  if (paragraphs.length === 0) return undefined;
  const heading =
    party.length > 0 && cleanGovernment.length + audits.length > 0
      ? '党的建设和党风廉政建设'
      : party.length > 0
        ? wordFor('reportSection', 'party-building')
        : cleanGovernment.length > 0
          ? wordFor('reportSection', 'clean-government')
          : wordFor('reportSection', 'audits');
  return { heading, paragraphs };
};
