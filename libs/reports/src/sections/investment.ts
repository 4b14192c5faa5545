import { currencyName } from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import { sectorWord } from '../labels';
import { hasMoney, Writer } from './writer';

const BANDS = [
  ['atLeast100mCny', '1亿元'],
  ['atLeast50mCny', '5000万元'],
  ['atLeast10mCny', '1000万元'],
] as const;

/**
 * The size bands of the signings: CNY ones by band, those in a currency without bands (dollars …)
 * said to be counted in their own currency rather than left out silently.
 */
const bandsParagraph = (w: Writer): Paragraph | undefined => {
  const inv = w.summary.investment;
  const bands = BANDS.filter(([band]) => inv.bands[band] > 0).map(
    ([band, floor]) => text`${floor}以上的${w.count(`investment.bands.${band}`, inv.bands[band], '个')}`,
  );
  const currencies = Object.keys(inv.unbanded).sort();
  const unbanded =
    currencies.length > 0
      ? text`以${join(
          currencies.map(
            (c) => text`${currencyName(c)}签约的${w.count(`investment.unbanded.${c}`, inv.unbanded[c], '个')}`,
          ),
          '、以',
        )}项目按原币种统计，不分档`
      : [];
  if (bands.length === 0) return unbanded.length > 0 ? text`${unbanded}。` : undefined;
  return text`从单个项目人民币签约额看，${join(bands, '、')}（各档均含更高一档）${unbanded.length > 0 ? text`；${unbanded}` : ''}。`;
};

/**
 * 招商引资: the prose written for it, signings and the capital that arrived, size bands, sectors.
 * Left out when nothing was signed and nothing written.
 */
export const investmentSection = (w: Writer): Section | undefined => {
  const prose = w.prose('investment');
  const figures = investmentParagraphs(w);
  const paragraphs = [...prose, ...figures];
  return paragraphs.length > 0 ? { heading: '招商引资', paragraphs } : undefined;
};

const investmentParagraphs = (w: Writer): Paragraph[] => {
  const inv = w.summary.investment;
  const before = w.before?.investment;
  if (inv.signings === 0) {
    if (inv.terminated > 0)
      return [
        text`${w.words.span}签约的${w.count('investment.terminated', inv.terminated, '个')}招商引资项目均已终止。`,
      ];
    if (before && before.signings > 0)
      return [text`${w.words.span}未新签约招商引资项目（去年同期签约${String(before.signings)}个）。`];
    return [];
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
  const bands = bandsParagraph(w);
  if (bands) paragraphs.push(bands);

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
  return paragraphs;
};
