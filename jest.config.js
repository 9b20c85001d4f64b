/** @type {import('jest').Config} */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// .swcrc's baseUrl must be absolute for @swc/jest.
swcrc.jsc.baseUrl = __dirname;
swcrc.swcrc = false;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/{apps,libs,test}/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e.ts',
    '<rootDir>/test/crash/**/*.crash.ts',
    '<rootDir>/test/fuzz/**/*.fuzz.ts',
  ],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcrc],
    // @fastify/static requires content-disposition@3, an ES module: Node 20.19 loads it, Jest's require does not.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { swcrc: false, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@baytaq/(domain|event-store|read-models|filings|integrity)$': '<rootDir>/libs/$1/src',
    '^@baytaq/(domain|event-store|read-models|filings|integrity)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  maxWorkers: 2,
};
