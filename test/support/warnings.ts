import { CommandRecorder, yuan } from './recorder';
import { ADMIN_TOKEN, TestApp } from './test-app';

/** One warning as `GET /api/v1/warnings` answers it. */
export interface WarningRow {
  warningId: string;
  rule: string;
  level: 'red' | 'yellow';
  stream: string;
  villageId: string | null;
  raisedOn: string;
  detail: string;
  status: 'open' | 'handled';
  handling: { handledOn: string; action: string; note: string; by: { userId: string; role: string } }[];
}

/** A clock that tests move: today (Asia/Shanghai) is `today` at noon. */
export const movableClock = (today: string) => {
  let now = new Date(`${today}T04:00:00Z`);
  return {
    clock: () => now,
    setToday: (date: string) => (now = new Date(`${date}T04:00:00Z`)),
  };
};

export const warningsOf = async (t: TestApp, query = '', token = ADMIN_TOKEN): Promise<WarningRow[]> =>
  (await t.get(`/api/v1/warnings${query}`, token).expect(200)).body;

/** The warning with that id as of the date, or undefined when none is raised. */
export const warningAsOf = async (t: TestApp, warningId: string, asOf: string): Promise<WarningRow | undefined> =>
  (await warningsOf(t, `?asOf=${asOf}`)).find((w) => w.warningId === warningId);

/** Level and the day it began, or null: what a threshold test compares. */
export const levelAsOf = async (t: TestApp, warningId: string, asOf: string) => {
  const warning = await warningAsOf(t, warningId, asOf);
  return warning ? { level: warning.level, raisedOn: warning.raisedOn } : null;
};

/** Two terms around 2026-01-01 and two villages: what every warnings spec records on. */
export const recordTownship = async (r: CommandRecorder) => {
  await r.send('OpenTerm', { termId: '2021-2025', name: '第十七届', startsOn: '2021-01-01', endsOn: '2025-12-31' });
  await r.send('OpenTerm', { termId: '2026-2030', name: '第十八届', startsOn: '2026-01-01', endsOn: '2030-12-31' });
  await r.send('RegisterVillage', { villageId: 'V01', name: '东村' });
  await r.send('RegisterVillage', { villageId: 'V02', name: '西村' });
  // A cash book that can pay what the specs spend.
  await r.send('RecordReceipt', {
    villageId: 'V01',
    entryId: 'R-1',
    amount: yuan(2_000_000),
    category: 'fiscal-transfer',
    counterparty: '镇财政所',
    voucherNo: '收-001',
    on: '2024-01-02',
  });
};
