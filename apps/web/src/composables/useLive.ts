import { onBeforeUnmount, ref, type Ref, watch } from 'vue';
import { currentUser } from '@/api/system/session';
import type { Activity, TermSummary } from '@/types/summary';
import { RequestError, sessionLapsed } from '@/utils/request';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'closed';

const MAX_ACTIVITY = 30;
const RETRY_MS = 3000;

/**
 * Follows GET /api/v1/live for a term: its summary whenever a figure changes, and each new record
 * as it lands. EventSource sends the session cookie by itself (no token in the URL) and resumes
 * from the last message's id after a dropped connection; when the server refuses the stream,
 * the session is asked whether it still holds, and a lapsed one sends the user to sign in.
 */
export const useLive = (termId: Ref<string | undefined>) => {
  const summary = ref<TermSummary | null>(null);
  const activities = ref<Activity[]>([]);
  const connection = ref<Connection>('closed');
  const updatedAt = ref<Date | null>(null);
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  /** Keeps the newest of the summaries heard (the stream's, or one fetched), by log position. */
  const accept = (next: TermSummary | null) => {
    const known = summary.value;
    if (next && known && next.termId === known.termId && BigInt(next.position || 0) < BigInt(known.position || 0))
      return;
    summary.value = next;
    updatedAt.value = new Date();
  };

  const close = () => {
    clearTimeout(retry);
    source?.close();
    source = undefined;
  };

  const checkSession = async () => {
    try {
      await currentUser();
      retry = setTimeout(open, RETRY_MS);
    } catch (error) {
      if (error instanceof RequestError && error.refusal.status === 401) {
        close();
        connection.value = 'closed';
        sessionLapsed(error.refusal);
      } else retry = setTimeout(checkSession, RETRY_MS);
    }
  };

  const open = () => {
    close();
    if (!termId.value) return;
    connection.value = 'connecting';
    const stream = new EventSource(`/api/v1/live?termId=${encodeURIComponent(termId.value)}`);
    source = stream;
    stream.onopen = () => (connection.value = 'open');
    stream.onerror = () => {
      if (stream !== source) return;
      connection.value = 'reconnecting';
      // CLOSED: the server refused the stream (signed out, revoked, expired, restarted).
      if (stream.readyState === EventSource.CLOSED) void checkSession();
    };
    stream.addEventListener('summary', (message) => accept(JSON.parse((message as MessageEvent<string>).data)));
    stream.addEventListener('activity', (message) => {
      const activity: Activity = JSON.parse((message as MessageEvent<string>).data);
      if (activities.value.some((known) => known.position === activity.position)) return;
      activities.value = [activity, ...activities.value].slice(0, MAX_ACTIVITY);
    });
  };

  watch(termId, () => {
    activities.value = [];
    open();
  });
  onBeforeUnmount(() => {
    close();
    connection.value = 'closed';
  });

  return { summary, activities, connection, updatedAt, accept, open, close };
};
