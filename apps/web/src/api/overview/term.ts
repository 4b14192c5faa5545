import type { Term, TermSummary } from '@/types/summary';
import { request } from '@/utils/request';

export const listTerms = async (): Promise<Term[]> => (await request<{ terms: Term[] }>('/terms')).terms;

export const termSummary = (termId: string) => request<TermSummary>(`/terms/${encodeURIComponent(termId)}/summary`);
