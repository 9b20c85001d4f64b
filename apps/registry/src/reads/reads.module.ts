import { Module } from '@nestjs/common';
import { MeetingReadsController } from './meeting-reads.http.controller';
import { OrganisationReadsController } from './organisation-reads.http.controller';
import { PeopleReadsController } from './people-reads.http.controller';
import { PostReadsController } from './post-reads.http.controller';
import { ReadGate } from './read-gate';
import { StatisticsController } from './statistics.http.controller';
import { TenureReadsController } from './tenure-reads.http.controller';

/** Every read of API.md, answered from the read models as of a day and as known at a moment. */
@Module({
  controllers: [
    OrganisationReadsController,
    PostReadsController,
    PeopleReadsController,
    StatisticsController,
    MeetingReadsController,
    TenureReadsController,
  ],
  providers: [ReadGate],
  exports: [ReadGate],
})
export class ReadsModule {}
