import { readDate, readMoney, readNumber } from './written-figures';

const minor = (written: string, unit?: '元' | '万元') => {
  const reading = readMoney(written, unit);
  return reading.ok ? reading.value : reading.problem.zh;
};

describe('amounts as written in 元 or 万元', () => {
  it('reads 1,200.5 万元 as exactly 1,200,500,000 分', () => {
    expect(minor('1,200.5 万元')).toBe(1_200_500_000);
    expect(minor('1,200.5', '万元')).toBe(1_200_500_000);
    expect(minor('1200.5万元', '元')).toBe(1_200_500_000);
  });

  it('reads 元 to the fen, with currency signs, thousands separators and full-width digits', () => {
    expect(minor('3,000.07', '元')).toBe(300_007);
    expect(minor('￥12,345,678.9', '元')).toBe(1_234_567_890);
    expect(minor('１２，０００．５０元')).toBe(1_200_050);
    expect(minor('0.01', '元')).toBe(1);
    expect(minor('0', '元')).toBe(0);
  });

  it('keeps figures a float would round: 0.29 万元 and 4.35 元 are exact', () => {
    expect(minor('0.29', '万元')).toBe(290_000);
    expect(minor('4.35', '元')).toBe(435);
    expect(minor('123456789.123456', '万元')).toBe(123_456_789_123_456);
  });

  it('refuses more decimals than whole fen', () => {
    expect(minor('1.001', '元')).toMatch(/最多两位小数/);
    expect(minor('1.0000001', '万元')).toMatch(/最多六位小数/);
  });

  it('refuses negative amounts however they are written', () => {
    expect(minor('-5', '元')).toMatch(/负数/);
    expect(minor('－5万元')).toMatch(/负数/);
    expect(minor('(5)', '元')).toMatch(/负数/);
  });

  it('refuses text that is no amount, separators out of place, no unit and amounts beyond safe integers', () => {
    expect(minor('一千元')).toMatch(/不是金额/);
    expect(minor('12,00', '元')).toMatch(/不是金额/);
    expect(minor('1.2.3', '元')).toMatch(/不是金额/);
    expect(minor('', '元')).toMatch(/为空/);
    expect(minor('1200')).toMatch(/未注明金额单位/);
    expect(minor('99999999999999999', '元')).toMatch(/过大/);
  });
});

describe('plain numbers and dates as written', () => {
  it('reads quantities and signed values as the numbers they spell', () => {
    expect(readNumber('38.9')).toEqual({ ok: true, value: 38.9 });
    expect(readNumber('-1,234')).toEqual({ ok: true, value: -1234 });
    expect(readNumber('三十').ok).toBe(false);
  });

  it('reads the date forms a township writes, and refuses dates no calendar has', () => {
    for (const written of ['2024-03-05', '2024-3-5', '2024/3/5', '2024.03.05', '2024年3月5日', '２０２４年３月５日'])
      expect(readDate(written)).toEqual({ ok: true, value: '2024-03-05' });
    expect(readDate('2023年2月29日').ok).toBe(false);
    expect(readDate('2024-13-01').ok).toBe(false);
    expect(readDate('05/03/2024').ok).toBe(false);
  });
});
