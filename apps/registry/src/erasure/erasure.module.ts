import { Module } from '@nestjs/common';
import { WritesModule } from '../commands/writes.module';
import { ErasureCompletion } from './erasure-completion';
import { ErasureController } from './erasure.http.controller';
import { PersonErasureHandler } from './erasure.handlers';

/** Erasure of people's personal data (issue 13): the write, and the completion of interrupted ones at start. */
@Module({
  imports: [WritesModule],
  controllers: [ErasureController],
  providers: [PersonErasureHandler, ErasureCompletion],
})
export class ErasureModule {}
