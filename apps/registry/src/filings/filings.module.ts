import { Module } from '@nestjs/common';
import { WritesModule } from '../commands/writes.module';
import { LogModule } from '../log/log.module';
import { ReadsModule } from '../reads/reads.module';
import { FilingDataService } from './filing-data.service';
import { FilingPreviewsController } from './filing-previews.http.controller';
import { FilingsController } from './filings.http.controller';
import { FilingsService } from './filings.service';
import { PendingChangesService } from './pending-changes.service';

/**
 * Filings for the Ministry of Justice: previews, issues recorded in `filing-<uuid>` streams,
 * byte-for-byte regeneration and the changes not yet filed.
 */
@Module({
  imports: [WritesModule, ReadsModule, LogModule],
  controllers: [FilingPreviewsController, FilingsController],
  providers: [FilingDataService, FilingsService, PendingChangesService],
})
export class FilingsModule {}
