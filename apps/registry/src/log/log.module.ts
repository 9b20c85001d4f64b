import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@baytaq/event-store';
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
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        store instanceof SqliteEventStore ? new StoredLogRecords(store.db) : undefined,
    },
  ],
  exports: [LogCheckpoints, LogProofs, LOG_RECORDS],
})
export class LogModule {}
