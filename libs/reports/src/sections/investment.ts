import { Inline, join, Paragraph, Section, text } from '../document';
import { sectorWord } from '../labels';
import { hasMoney, Writer } from './writer';

const BANDS = [
  ['atLeast100mCny', '1亿元'],
  ['atLeast50mCny', '5000万元'],
  ['atLeast10mCny', '1000万元'],
] as const;

/** 招商引资: signings and the capital that arrived, size bands, sectors. Left out when nothing was signed. */
export const investmentSection = (w: Writer): Section | undefined => {
  const inv = w.summary.investment;
  const before = w.before?.investment;
  if (inv.signings === 0) {
    if (inv.terminated > 0)
      return {
        heading: '招商引资',
        paragraphs: [
          text`${w.words.span}签约的${w.count('investment.terminated', inv.terminated, '个')}招商引资项目均已终止。`,
        ],
      };
    if (before && before.signings > 0)
      return {
        heading: '招商引资',
        paragraphs: [text`${w.words.span}未新签约招商引资项目（去年同期签约${String(before.signings)}个）。`],
      };
    return undefined;
  }
  const signed = [
    hasMoney(inv.signed.domestic)
      ? text`内资${w.money('investment.signed.domestic', inv.signed.domestic, before?.signed.domestic)}`
      : [],
    hasMoney(inv.signed.foreign)
      ? text`外资${w.money('investment.signed.foreign', inv.signed.foreign, before?.signed.foreign)}`
      : [],
  ];
  const arrived = [
    hasMoney(inv.arrived.domestic)
      ? text`内资${w.money('investment.arrived.domestic', inv.arrived.domestic, before?.arrived.domestic)}`
      : [],
    hasMoney(inv.arrived.foreign)
      ? text`外资${w.money('investment.arrived.foreign', inv.arrived.foreign, before?.arrived.foreign)}`
      : [],
  ];
  const hasArrivals = arrived.some((a) => a.length > 0);
  const overview = text`${w.words.span}共签约招商引资项目${w.count('investment.signings', inv.signings, '个', before?.signings)}，协议引进${join(signed, '、')}${
    hasArrivals ? text`；${w.words.atEnd}，已到位${join(arrived, '、')}` : ''
  }。${
    inv.terminated > 0
      ? text`另有${w.count('investment.terminated', inv.terminated, '个')}签约项目已终止，未计入上述数字。`
      : ''
  }`;
  const paragraphs: Paragraph[] = [overview];

  const bands = BANDS.filter(([band]) => inv.bands[band] > 0).map(
    ([band, floor]) => text`${floor}以上的${w.count(`investment.bands.${band}`, inv.bands[band], '个')}`,
  );
  if (bands.length > 0)
    paragraphs.push(
      text`从单个项目人民币签约额看，${join(bands, '、')}（各档均含更高一档）${
        hasMoney(inv.signed.foreign) ? '；外资项目按原币种计，不分档' : ''
      }。`,
    );

  const sectors = Object.entries(inv.bySector)
    .filter(([sector, figures]) => {
      if (sectorWord(sector) !== undefined) return true;
      w.unlisted.add('行业', sector, `${figures.signings}个签约项目`);
      return false;
    })
    .sort(([a, x], [b, y]) => y.signings - x.signings || (y.signed.CNY ?? 0) - (x.signed.CNY ?? 0) || (a < b ? -1 : 1));
  if (sectors.length > 0)
    paragraphs.push(
      text`分行业看，${join(
        sectors.map(([sector, figures]): Inline[] => {
          const path = `investment.bySector.${sector}`;
          return text`${sectorWord(sector) as string}${w.count(`${path}.signings`, figures.signings, '个')}${
            hasMoney(figures.signed) ? text`，协议资金${w.money(`${path}.signed`, figures.signed)}` : ''
          }`;
        }),
        '；',
      )}。`,
    );
  return { heading: '招商引资', paragraphs };
};
