// ESLint flat config. The engine must stay pure and deterministic (DESIGN.md): no wall clock,
// no global randomness, no timers, no process, no Node built-ins inside apps/server/src/engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineForbidden = {
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: 'The engine takes time as `now` (DESIGN.md: time is a port).' },
    { name: 'process', message: 'The engine must not read the process environment.' },
    { name: 'setTimeout', message: 'The engine schedules transitions, it never uses timers.' },
    { name: 'setInterval', message: 'The engine schedules transitions, it never uses timers.' },
    { name: 'setImmediate', message: 'The engine schedules transitions, it never uses timers.' },
    { name: 'queueMicrotask', message: 'The engine schedules transitions, it never uses timers.' },
    { name: 'performance', message: 'The engine takes time as `now`.' },
    { name: 'require', message: 'Use imports from inside the engine only.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the cluster\'s seeded Random.' },
    { object: 'globalThis', property: 'Date', message: 'The engine takes time as `now`.' },
    { object: 'globalThis', property: 'process', message: 'The engine must not read the process.' },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*'], message: 'No Node built-ins in the engine.' },
        { group: ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'timers', 'worker_threads', 'process'], message: 'No Node built-ins in the engine.' },
        { group: ['@nestjs/*', '@prisma/*', 'prisma', 'discord.js', 'express', 'ws', 'socket.io*'], message: 'The engine imports nothing from Nest, Prisma, Discord or the network.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'generated/**', 'public/vendor/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  { files: ['apps/server/src/engine/**/*.ts'], ignores: ['**/*.test.ts'], rules: engineForbidden },
  {
    // one copy of SQLite per process: connections open through database/sqlite-driver.ts (Prisma's copy)
    files: ['apps/server/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'apps/server/src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', allowTypeImports: true, message: 'Open SQLite with openSqlite (database/sqlite-driver.ts): a second copy of SQLite in the process drops the other copy\'s locks.' }] }],
    },
  },
  { files: ['bin/**/*.js'], languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } } },
);
