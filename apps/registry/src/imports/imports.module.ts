import { Module } from '@nestjs/common';
import { IdempotencyService } from '../commands/idempotency.service';
import { WritesModule } from '../commands/writes.module';
import { IinReservations } from '../people/iin-reservation.service';
import { ImportsController } from './imports.http.controller';
import { MemberAdmission } from './member-admission';
import { MemberImports } from './member-imports.service';

/**
 * Bulk member import: CSV upload, rows admitted in the background through the command bus, the
 * outcome kept in the log. IinReservations and IdempotencyService hold no state of their own
 * (the store does), so this module's instances agree with the write side's.
 */
@Module({
  imports: [WritesModule],
  controllers: [ImportsController],
  providers: [MemberImports, MemberAdmission, IinReservations, IdempotencyService],
})
export class ImportsModule {}
