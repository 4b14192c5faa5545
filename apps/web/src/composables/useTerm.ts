import { computed, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { listTerms } from '@/api/overview/term';
import type { Term } from '@/types/summary';

/** Today in Beijing, as the log's business dates are: "2026-10-01". */
const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The term of today, else the one that started last. */
export const currentTermOf = (terms: Term[], today = beijingToday()): Term | undefined =>
  terms.find((term) => term.startsOn <= today && today <= term.endsOn) ??
  [...terms].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];

/**
 * The terms and the one a page shows: `?term=<id>` (a link a supervisor can share), else the
 * current term. Choosing another term changes the address, so the back button and a copied link
 * both keep it.
 */
export const useTerm = () => {
  const route = useRoute();
  const router = useRouter();
  const terms = ref<Term[]>([]);
  const loaded = ref(false);

  const term = computed<Term | undefined>(() => {
    const asked = route.query.term;
    if (typeof asked === 'string' && asked) return terms.value.find((t) => t.termId === asked);
    return currentTermOf(terms.value);
  });
  /** A term asked for in the address that does not exist. */
  const unknownTerm = computed(() => {
    const asked = route.query.term;
    return loaded.value && typeof asked === 'string' && asked !== '' && !term.value ? asked : undefined;
  });
  const current = computed(() => currentTermOf(terms.value));

  const load = async () => {
    terms.value = [...(await listTerms())].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    loaded.value = true;
  };

  const choose = (termId: string) =>
    router.replace({ query: { ...route.query, term: termId === current.value?.termId ? undefined : termId } });

  return { terms, term, current, unknownTerm, loaded, load, choose };
};
