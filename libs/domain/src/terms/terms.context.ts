import { defineContext } from '../shared/command-spec';
import { termsDecider } from './terms.decider';
import { TERMS_STREAM } from './terms.events';

export const termsContext = defineContext({
  name: 'terms',
  category: 'terms',
  aggregate: { zh: '届次', en: 'term' },
  decider: termsDecider,
  commands: {
    // All terms share one stream, which OpenTerm creates or extends.
    OpenTerm: { stream: () => TERMS_STREAM, creates: true, idField: 'termId' },
  },
});
