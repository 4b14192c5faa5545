// One Jest transform for unit and e2e specs. @nestjs/* 12 ships as ES modules, so those
// packages are compiled to CommonJS by SWC like our own TypeScript.
const swcTs = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const libs = ['domain', 'event-store', 'integrity', 'projections', 'reports', 'application'];
const moduleNameMapper = {};
for (const lib of libs) {
  moduleNameMapper[`^@sunshine/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@sunshine/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  // @fastify/static (the OpenAPI page's assets) brings an ES-module content-disposition of its own.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|@lukeed|load-esm|@fastify/static/node_modules/content-disposition|content-disposition)/)',
  ],
  moduleNameMapper,
};
