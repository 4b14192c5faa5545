import { StoredEvent } from '@sunshine/event-store';
import { AuditDoc, EventRef, HonourDoc, IndicatorDoc, ProjectDoc, ReportProseDoc } from './record-docs';
import { project } from './testing/event-log';
import { townshipLog } from './testing/township-log';

const ref = (event: StoredEvent): EventRef => ({
  eventId: event.eventId,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
});

/** What the records projection keeps for a work summary: definitions, key projects, findings' dates, honours, prose. */
describe('records projection: what a work summary needs', () => {
  const { log, indicator: ind, keyProject: k, honours: h, prose } = townshipLog();
  const store = project(log.events);

  it('keeps an indicator’s latest definition: its Chinese name, unit, kind and section', () => {
    const accidents = store.getSync<IndicatorDoc>('indicator-work-accidents');
    expect(accidents?.definition).toEqual({
      name: '安全生产事故起数',
      unit: '起',
      kind: 'count',
      section: 'safety-stability',
      eventId: ind.accidentsRedefined.eventId,
    });
    expect(accidents?.refs.map((r) => r.type)).toEqual([
      'IndicatorDefined',
      'IndicatorDefined',
      'IndicatorReported',
      'IndicatorReported',
    ]);
    expect(store.getSync<IndicatorDoc>('indicator-village-clinic')?.definition).toBeUndefined();
  });

  it('keeps a project’s latest key-project mark, and a finding’s own date when it has one', () => {
    expect(store.getSync<ProjectDoc>('project-P1')?.key).toEqual({
      key: true,
      reason: '县重点项目',
      eventId: k.p1.eventId,
    });
    expect(store.getSync<ProjectDoc>('project-P2')?.key).toEqual({
      key: false,
      reason: '县重点项目',
      eventId: k.p2unmarked.eventId,
    });
    expect(store.getSync<ProjectDoc>('project-P3')?.key).toBeUndefined();
    const findings = store.getSync<AuditDoc>('audit-A2')?.findings;
    // A finding recorded before findings had a date is dated by its recording day, and marked so.
    expect(findings?.map((f) => [f.findingId, f.foundOn, f.undated ?? false])).toEqual([
      ['F1', '2024-05-01', true],
      ['F2', '2013-10-20', false],
    ]);
  });

  it('keeps an honour by its stream, and a voided one marked', () => {
    expect(store.getSync<HonourDoc>('honour-H1')).toEqual({
      stream: 'honour-H1',
      voided: false,
      honourId: 'H1',
      title: '荣誉H1',
      awardedBy: '省人民政府',
      awardedOn: '2010-05-01',
      level: 'provincial',
      refs: [ref(h.h1)],
    });
    expect(store.getSync<HonourDoc>('honour-H4')?.voided).toBe(true);
  });

  it('keeps a term’s prose by section, a section written again replacing its text', () => {
    expect(store.getSync<ReportProseDoc>('report-2008-2013')).toEqual({
      stream: 'report-2008-2013',
      voided: false,
      termId: '2008-2013',
      sections: {
        preface: { text: '五年来，全镇上下团结一心。', eventId: prose.prefaceRewritten.eventId },
        difficulties: { text: '村级集体经济薄弱。', eventId: prose.difficulties.eventId },
      },
      refs: [ref(prose.preface), ref(prose.difficulties), ref(prose.prefaceRewritten)],
    });
  });
});
