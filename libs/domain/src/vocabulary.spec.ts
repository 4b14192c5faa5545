import { REPORT_SECTIONS } from './report-sections/report-sections.commands';
import { hasWordFor, VOCABULARY, wordFor } from './vocabulary';

describe('the one dictionary of words for codes', () => {
  it('names the built-in indicators and escalation channels', () => {
    expect(wordFor('indicator', 'gdp')).toBe('地区生产总值');
    expect(wordFor('indicator', 'primary-industry-share')).toBe('第一产业比重');
    expect(wordFor('escalationTarget', 'county')).toBe('上报县级部门');
  });

  it('knows which codes it has a word for, the object prototype’s names not among them', () => {
    expect(hasWordFor('indicator', 'farmer-net-income')).toBe(true);
    expect(hasWordFor('indicator', 'village-clinic')).toBe(false);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(hasWordFor('indicator', name)).toBe(false);
      expect(wordFor('indicator', name)).toBe(name);
    }
  });

  it("has a word for every section a summary's prose can be written for", () =>
    expect(Object.keys(VOCABULARY.reportSection).sort()).toEqual([...REPORT_SECTIONS].sort()));

  it('has a word for every report section an indicator can belong to', () =>
    expect(Object.keys(VOCABULARY.indicatorSection)).toEqual([
      'economy',
      'agriculture',
      'industry',
      'investment',
      'infrastructure',
      'livelihood',
      'safety-stability',
      'party-building',
      'other',
    ]));
});
