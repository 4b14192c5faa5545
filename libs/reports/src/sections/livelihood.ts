import { wordFor } from '@sunshine/domain';
import { formatQuantity } from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import { FUNDING_ORDER, inOrder, metricPhrase } from '../labels';
import { IndicatorParagraphs } from './indicators';
import { hasMoney, Writer } from './writer';

/** Village spending a livelihood section states, in this order. */
const LIVELIHOOD_SPENDING = ['public-works', 'welfare'];

/**
 * 民生和社会事业: the prose written for it, what projects built for people (roads, reservoirs,
 * schools), the villages' 一事一议 public works and their spending on public works and welfare, and
 * the livelihood indicators (incomes, insurance coverage, training, beneficiaries). Left out when
 * it has nothing.
 */
export const livelihoodSection = (w: Writer, indicators: IndicatorParagraphs): Section | undefined => {
  const { projects } = w.summary;
  const before = w.before?.projects;
  const paragraphs: Paragraph[] = [...w.prose('livelihood')];

  const outputs = Object.keys(projects.outputs)
    .sort()
    .flatMap((metric): Inline[][] => {
      const phrase = metricPhrase(metric);
      const quantity = projects.outputs[metric];
      if (!phrase) {
        w.unlisted.add('建设成果', metric, formatQuantity(quantity));
        return [];
      }
      return [
        text`${phrase.verb}${w.figure(`projects.outputs.${metric}`, `${formatQuantity(quantity)}${phrase.unit}`)}${w.versus(quantity, before?.outputs[metric])}`,
      ];
    });
  if (outputs.length > 0) paragraphs.push(text`${w.words.span}${join(outputs, '，')}。`);

  const omod = projects.oneMatterOneDiscussion;
  if (omod.projects > 0) {
    const path = 'projects.oneMatterOneDiscussion';
    const funding = inOrder(
      Object.keys(omod.funding).filter((source) => hasMoney(omod.funding[source])),
      FUNDING_ORDER,
    ).map(
      (source) =>
        text`${wordFor('fundingSource', source)}${w.money(`${path}.funding.${source}`, omod.funding[source], before?.oneMatterOneDiscussion.funding[source])}`,
    );
    paragraphs.push(
      text`实施村级公益事业“一事一议”项目${w.count(`${path}.projects`, omod.projects, '个', before?.oneMatterOneDiscussion.projects)}${
        hasMoney(omod.plannedInvestment)
          ? text`，计划总投资${w.money(`${path}.plannedInvestment`, omod.plannedInvestment, before?.oneMatterOneDiscussion.plannedInvestment)}`
          : ''
      }${funding.length > 0 ? text`，其中${join(funding, '、')}` : ''}。`,
    );
  }

  const spending = w.details.villageFinance.expendituresByCategory;
  const previousSpending = w.previous?.details.villageFinance.expendituresByCategory;
  const spent = LIVELIHOOD_SPENDING.filter((category) => hasMoney(spending[category]?.amount)).map(
    (category) =>
      text`${wordFor('expenditureCategory', category)}支出${w.money(`details.villageFinance.expendituresByCategory.${category}`, spending[category].amount, previousSpending?.[category]?.amount, spending[category].events)}`,
  );
  if (spent.length > 0) paragraphs.push(text`各村集体账目中，${join(spent, '、')}。`);

  paragraphs.push(...indicators.livelihood);
  return paragraphs.length > 0 ? { heading: '民生和社会事业', paragraphs } : undefined;
};
