import Database from 'better-sqlite3';

/** An event as the SQLite store keeps it: the row, with its canonical body as stored. */
export interface StoredRow {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  recorded_at: string;
  body: string;
  hash: string;
}

/** The rows of a log our store wrote (the payload every ceiling and the peer write again). */
export const loadRows = (eventsDb: string, limit = Number.MAX_SAFE_INTEGER): StoredRow[] => {
  const db = new Database(eventsDb, { readonly: true });
  try {
    return db
      .prepare<[number], StoredRow>(
        'SELECT position, event_id, stream, revision, type, recorded_at, body, hash FROM events ORDER BY position LIMIT ?',
      )
      .all(limit);
  } finally {
    db.close();
  }
};

/**
 * The i-th row of an endless payload: the log's rows over and over, each pass under its own
 * stream names and event ids so that the unique keys hold.
 */
export const cycledRow = (rows: StoredRow[], i: number): StoredRow => {
  const row = rows[i % rows.length];
  const pass = Math.floor(i / rows.length);
  return pass === 0 ? row : { ...row, event_id: `${row.event_id}~${pass}`, stream: `${row.stream}~${pass}` };
};
