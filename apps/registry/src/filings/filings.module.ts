import { Module } from '@nestjs/common';
import { IdempotencyService } from '../commands/idempotency.service';
import { WriteService } from '../commands/write.service';
import { WritesModule } from '../commands/writes.module';
import { FilingDataService } from './filing-data.service';
import { FilingPreviewsController } from './filing-previews.http.controller';
import { FilingsController } from './filings.http.controller';
import { FilingsService } from './filings.service';
import { PendingChangesService } from './pending-changes.service';

/**
 * Filings for the Ministry of Justice: previews, issues recorded in `filing-<uuid>` streams,
 * byte-for-byte regeneration and the changes not yet filed. WriteService and IdempotencyService
 * keep their state in the store, so this module's own instances answer like the write side's.
 */
@Module({
  imports: [WritesModule],
  controllers: [FilingPreviewsController, FilingsController],
  providers: [FilingDataService, FilingsService, PendingChangesService, WriteService, IdempotencyService],
})
export class FilingsModule {}
