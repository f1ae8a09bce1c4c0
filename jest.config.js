/** Jest: @swc/jest compiles TypeScript (tsc --noEmit type-checks separately in `npm test`). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.js$': ['@swc/jest', swc] },
  // Packages published only as ES modules (marked, sanitize-html's parser) are compiled to
  // CommonJS for Jest like our own code; the rest of node_modules is loaded as it is.
  transformIgnorePatterns: ['/node_modules/(?!(marked|htmlparser2|domhandler|domutils|dom-serializer|entities|domelementtype)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
};
