// Three tiers: pure specs, integration specs against real stores, end-to-end specs over HTTP.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = {
  '^@toc/(domain|event-store|read-models|runtime)$': '<rootDir>/libs/$1/src',
  '^@toc/(domain|event-store|read-models|runtime)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const project = (displayName, testRegex) => ({
  displayName, testRegex, moduleNameMapper, transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node', rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'],
});
module.exports = {
  projects: [
    project('unit', '.*\\.spec\\.ts$'),
    { ...project('integration', '.*\\.int-spec\\.ts$'), globalSetup: '<rootDir>/test/mongod.global-setup.js', globalTeardown: '<rootDir>/test/mongod.global-teardown.js' },
    project('e2e', '.*\\.e2e-spec\\.ts$'),
  ],
};
