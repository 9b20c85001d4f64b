import { Global, Module } from '@nestjs/common';
import { ReadsModule } from '../reads/reads.module';
import { AccessRecord } from './access-record';
import { AuditController } from './audit.http.controller';
import { PersonExportController } from './person-export.http.controller';

/**
 * Reads of personal data: who may (clearance.ts), the record of who did (AccessRecord, which
 * every route that answers with personal data calls), the admin's view of that record and a
 * person's subject access export. Global: the reads, filings and the feed record through it.
 */
@Global()
@Module({
  imports: [ReadsModule],
  controllers: [AuditController, PersonExportController],
  providers: [AccessRecord],
  exports: [AccessRecord],
})
export class DisclosureModule {}
