/**
 * A realistic term of investments as NDJSON command envelopes, for import tests: villages, a term,
 * signings in two currencies, arrivals, amendments, a termination.
 */
export const investmentTermLines = (count: number, prefix = 'imp'): string[] => {
  const lines: object[] = [
    {
      type: 'OpenTerm',
      commandId: `${prefix}-term`,
      data: { termId: `${prefix}-2008-2013`, name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' },
    },
    { type: 'RegisterVillage', commandId: `${prefix}-v1`, data: { villageId: `${prefix}-dongcun`, name: '东村' } },
  ];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-ZS-${i}`;
    const foreign = i % 7 === 0;
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push({
      type: 'SignInvestment',
      commandId: `${prefix}-sign-${i}`,
      data: {
        investmentId: id,
        investor: `投资方${i}`,
        sector: ['auto-parts', 'services', 'agro-processing'][i % 3],
        origin: foreign ? 'foreign' : 'domestic',
        amount: { currency: foreign ? 'USD' : 'CNY', minor: (i + 1) * 1_000_000_00 },
        signedOn: `2010-${month}-15`,
        ...(i % 5 === 0 ? { villageId: `${prefix}-dongcun` } : {}),
      },
    });
    if (i % 2 === 0)
      lines.push({
        type: 'RecordCapitalArrival',
        commandId: `${prefix}-arrive-${i}`,
        data: {
          investmentId: id,
          amount: { currency: foreign ? 'USD' : 'CNY', minor: (i + 1) * 500_000_00 },
          arrivedOn: `2011-${month}-01`,
        },
      });
  }
  return lines.map((l) => JSON.stringify(l));
};
