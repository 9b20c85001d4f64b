import { Global, Module } from '@nestjs/common';
import { LOG_TREE, logTreeProvider } from './log-tree.provider';

/** The log's Merkle tree (issue 14), for the checkpoints and proofs of the log module. */
@Global()
@Module({ providers: [logTreeProvider], exports: [LOG_TREE] })
export class IntegrityModule {}
