import { Module } from '@nestjs/common';
import { ReadsModule } from '../reads/reads.module';
import { PopoloExportController } from './popolo-export.http.controller';

/** Open-data exports of the public part of the registry, answered from the read models. */
@Module({
  // ReadGate: the same asOf, knownAt and minPosition handling as every other read.
  imports: [ReadsModule],
  controllers: [PopoloExportController],
})
export class ExportModule {}
