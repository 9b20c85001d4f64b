import { Module } from '@nestjs/common';
import { WritesModule } from '../commands/writes.module';
import { ImportsController } from './imports.http.controller';
import { MemberAdmission } from './member-admission';
import { MemberImports } from './member-imports.service';

/**
 * Bulk member import: CSV upload, rows admitted in the background through the command bus, the
 * outcome kept in the log, with the write side's IIN reservations and idempotency records.
 */
@Module({
  imports: [WritesModule],
  controllers: [ImportsController],
  providers: [MemberImports, MemberAdmission],
})
export class ImportsModule {}
