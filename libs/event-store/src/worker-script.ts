import { extname } from 'node:path';

/**
 * The code a worker thread evaluates to load `module`. A TypeScript module (the tests run the
 * sources) is loaded after registering the same loader the tests use; a compiled one directly.
 */
export function workerScript(module: string): string {
  const loader = extname(module) === '.ts' ? `require('@swc-node/register');\n` : '';
  return `${loader}require(${JSON.stringify(module)});`;
}
