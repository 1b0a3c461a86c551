// ESLint flat config: typescript-eslint's type-aware rules over src/ and test/. Formatting is Prettier's job
// (.prettierrc.json); this config only catches mistakes, above all promises nobody awaits or handles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.vscode-test/', 'test-artifacts/', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error: every one is awaited, returned, or marked `void` on purpose.
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it/test return promises the runner itself tracks.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Single-line `if (x) return;` is fine; anything spanning lines gets braces.
      curly: ['error', 'multi-line'],
      // Promise-returning interface methods may be async without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true, allowThrowingAny: true }],
      eqeqeq: ['error', 'always'],
      // Deliberately lazy loads: re2-wasm compiles an 860 KB module on require, so only the worker that needs it loads
      // it; a relative require() is a lazy edge (src/common/lazy.ts) that keeps a heavy module out of start-up.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^re2-wasm(/|$)', '^esbuild$', '^diff$', '^\\.\\.?/'] }],
      'no-console': 'off',
    },
  },
  {
    // Tests read parsed JSON and the emulator's plain objects freely; the source they test may not.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
