export * from './hashes';
export * from './log-record';
export * from './subtrees';
export * from './proofs';
export * from './verify-proofs';
