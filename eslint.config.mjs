// Lint keeps the layers apart. Each library may import only the libraries below it:
//   domain ← integrity ← event-store ← projections ← application | reports ← apps
// (integrity stands beside domain: neither imports the other). The domain is plain TypeScript
// and never imports a framework or a driver; libraries never import the apps.
import tseslint from 'typescript-eslint';

const LIBS = ['domain', 'integrity', 'event-store', 'projections', 'application', 'reports'];

/** What each library may import of ours. */
const MAY_IMPORT = {
  domain: [],
  integrity: [],
  'event-store': ['integrity'],
  projections: ['domain', 'integrity', 'event-store'],
  application: ['domain', 'integrity', 'event-store', 'projections'],
  reports: ['domain', 'integrity', 'projections'],
};

const FRAMEWORKS = {
  group: ['@nestjs/*', 'class-validator', 'class-transformer', 'better-sqlite3', 'mongodb', '@kurrent/*', 'fastify'],
  message: 'libs/domain is plain TypeScript: no framework or driver',
};

const layerRules = LIBS.map((lib) => {
  const forbidden = LIBS.filter((other) => other !== lib && !MAY_IMPORT[lib].includes(other));
  const patterns = [
    { group: ['apps/*', '**/apps/**'], message: 'libraries never import the apps' },
    { group: ['**/libs/**', '../../*/src/**'], message: 'import another library by its @sunshine/ name' },
  ];
  if (forbidden.length)
    patterns.push({
      group: forbidden.flatMap((other) => [`@sunshine/${other}`, `@sunshine/${other}/*`]),
      message: `libs/${lib} may import only ${MAY_IMPORT[lib].map((l) => `libs/${l}`).join(', ') || 'nothing of ours'} (domain ← integrity ← event-store ← projections ← application | reports ← apps)`,
    });
  if (lib === 'domain') patterns.push(FRAMEWORKS);
  return { files: [`libs/${lib}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/peer/**', 'apps/web/dist/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
          message: 'a focused test silently skips the rest',
        },
      ],
    },
  },
  ...layerRules,
);
