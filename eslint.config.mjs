import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/libs/*/src/**', '../../libs/**'], message: 'Import a lib through its @pendamping/<lib> alias.' }] }],
    },
  },
  {
    // Jest's global setup runs outside the module mapper and must import libs by path.
    files: ['test/support/global-*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through AppConfig.' }] },
  },
  {
    files: ['libs/platform/src/config/app-config.ts', 'libs/database/src/cli-data-source.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
