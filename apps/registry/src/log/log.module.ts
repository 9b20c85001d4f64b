import { Module } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { LOG_TREE, type LogTreeReader } from '../integrity/log-tree.provider';
import { LogCheckpoints } from './log-checkpoints.service';
import { LogController } from './log.http.controller';
import { LogProofs } from './log-proofs.service';
import { LOG_RECORDS } from './log-records.token';
import { StoredLogRecords } from './stored-log-records';

/** Signed checkpoints of the log's Merkle tree, proofs, and the records as hashed. */
@Module({
  controllers: [LogController],
  providers: [
    LogCheckpoints,
    LogProofs,
    {
      provide: LOG_RECORDS,
      inject: [LOG_TREE, REGISTRY_CONFIG],
      // The records the tree's leaves hash: the embedded store's rows, or KurrentDB's as mirrored.
      useFactory: (tree: LogTreeReader, config: RegistryConfig) =>
        config.logTree ? new StoredLogRecords(tree.records) : undefined,
    },
  ],
  exports: [LogCheckpoints, LogProofs, LOG_RECORDS],
})
export class LogModule {}
