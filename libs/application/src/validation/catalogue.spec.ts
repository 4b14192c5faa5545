import { COMMAND_TYPES } from '@sunshine/domain';
import { CatalogueField, catalogueFor, commandCatalogue } from './catalogue';

const command = (type: string) => commandCatalogue().find((c) => c.type === type);
const field = (type: string, path: string) => {
  const all = (fields: CatalogueField[]): CatalogueField[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
  return all(command(type)?.fields ?? []).find((f) => f.path === path);
};
const CHINESE = /[\u4e00-\u9fff]/;

describe('the command catalogue (every command as a form)', () => {
  it('describes every command the API takes, each with a Chinese title in an office group', () => {
    expect(
      commandCatalogue()
        .map((c) => c.type)
        .sort(),
    ).toEqual([...COMMAND_TYPES].sort());
    for (const c of commandCatalogue()) {
      expect([c.type, c.title]).toEqual([c.type, expect.stringMatching(CHINESE)]);
      expect([c.type, c.groupTitle]).toEqual([c.type, expect.stringMatching(CHINESE)]);
    }
  });

  it('gives every field, nested ones included, a Chinese label and its JSON path', () => {
    const walk = (fields: CatalogueField[]): void =>
      fields.forEach((f) => {
        expect([f.path, f.label]).toEqual([f.path, expect.stringMatching(CHINESE)]);
        walk(f.fields ?? []);
      });
    for (const c of commandCatalogue()) walk(c.fields);
  });

  it('takes required fields, limits and inputs from the same rules the API validates with', () => {
    expect(field('SignInvestment', 'data.investor')).toMatchObject({ input: 'text', required: true, maxLength: 200 });
    expect(field('SignInvestment', 'data.note')).toMatchObject({ required: false });
    expect(field('SignInvestment', 'data.signedOn')).toMatchObject({ input: 'date', required: true });
    expect(field('SignInvestment', 'data.amount')).toMatchObject({ input: 'money' });
    expect(field('SignInvestment', 'data.amount')?.currencies).toBeUndefined();
    expect(field('RecordReceipt', 'data.amount')).toMatchObject({ input: 'money', currencies: ['CNY'] });
    expect(field('RecordProjectOutput', 'data.quantity')).toMatchObject({ input: 'quantity' });
    expect(field('ReportIndicator', 'data.period')).toMatchObject({ input: 'period' });
    expect(field('RegisterUser', 'data.villages')).toMatchObject({ input: 'ids', pick: 'village', required: false });
  });

  it('offers codes in Chinese words, closed lists closed and suggestions open', () => {
    expect(field('SignInvestment', 'data.origin')).toMatchObject({
      input: 'code',
      options: [
        { value: 'domestic', label: '内资' },
        { value: 'foreign', label: '外资' },
      ],
    });
    expect(field('SignInvestment', 'data.origin')?.open).toBeUndefined();
    expect(field('SignInvestment', 'data.sector')).toMatchObject({ input: 'code', open: true });
    expect(field('EscalateDispute', 'data.to')?.options).toContainEqual({ value: 'county', label: '上报县级部门' });
  });

  it('picks existing records from lists and makes readable ids for new ones', () => {
    expect(field('SignInvestment', 'data.investmentId')).toMatchObject({ input: 'id', newId: 'ZS' });
    expect(field('SignInvestment', 'data.villageId')).toMatchObject({ pick: 'village', required: false });
    expect(field('RecordCapitalArrival', 'data.investmentId')).toMatchObject({ pick: 'investment' });
    expect(field('ReverseEntry', 'data.entryId')).toMatchObject({ pick: 'entry' });
    expect(field('VoidRecord', 'data.stream')).toMatchObject({ pick: 'record' });
  });

  it('describes nested objects and list items field by field', () => {
    expect(field('RegisterDispute', 'data.parties')).toMatchObject({ input: 'list', maxItems: 1000 });
    expect(field('RegisterDispute', 'data.parties.0.name')).toMatchObject({ label: '姓名', required: true });
    expect(field('RegisterDispute', 'data.parties.0.idNumber')).toMatchObject({ required: false });
    expect(field('RegisterProject', 'data.funding.0.amount')).toMatchObject({ input: 'money', currencies: ['CNY'] });
    expect(field('OpenAudit', 'data.subject.kind')).toMatchObject({ input: 'code' });
  });

  it('shows each role only the commands it may send', () => {
    const types = (role: 'admin' | 'clerk' | 'auditor' | 'supervisor') =>
      catalogueFor({ userId: 'u', role }).map((c) => c.type);
    // Supervisors (纪委) record one thing: how a warning was handled.
    expect(types('supervisor')).toEqual(['HandleWarning']);
    expect(types('auditor')).toEqual([]);
    expect(types('clerk')).toContain('SignInvestment');
    expect(types('clerk')).toContain('VoidRecord');
    expect(types('clerk')).not.toContain('RegisterUser');
    expect(types('admin')).toHaveLength(COMMAND_TYPES.length);
  });
});
