import { Module } from '@nestjs/common';
import { ErasureModule } from '../erasure/erasure.module';
import { ReadsModule } from '../reads/reads.module';
import { RetentionController } from './retention.http.controller';

/** The retention report and its erasures (issue 13 item 4). */
@Module({
  imports: [ReadsModule, ErasureModule],
  controllers: [RetentionController],
})
export class RetentionModule {}
