// Lint keeps the layers apart: the domain is plain TypeScript and never imports a framework
// or an adapter; libraries never import the apps.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']", message: 'a focused test silently skips the rest' }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['apps/*', '**/apps/**'], message: 'libraries never import the apps' }] }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'libs/domain is plain TypeScript: no NestJS' },
            { group: ['class-validator', 'class-transformer', 'better-sqlite3', 'mongodb', '@kurrent/*'], message: 'libs/domain imports no framework or driver' },
            { group: ['@sunshine/*', 'apps/*', '**/apps/**'], message: 'libs/domain depends on nothing of ours' },
          ],
        },
      ],
    },
  },
);
