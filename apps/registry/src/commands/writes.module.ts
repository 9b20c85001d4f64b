import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CrossStreamFacts } from '../organisations/organisation-facts.service';
import { OrganisationWriteHandler } from '../organisations/organisation.handlers';
import { OrganisationsController } from '../organisations/organisations.http.controller';
import { PostsController } from '../organisations/posts.http.controller';
import { IinReservations } from '../people/iin-reservation.service';
import { PeopleController } from '../people/people.http.controller';
import { PersonWriteHandler } from '../people/person.handlers';
import { MeetingWriteHandler } from '../meetings/meeting.handlers';
import { MeetingsController } from '../meetings/meetings.http.controller';
import { EventLocator } from './event-locator';
import { CommandRunner } from './command-runner';
import { IdempotencyService } from './idempotency.service';
import { RegistryClock } from './registry-clock';
import { RelationsIndex } from './relations.index';
import { WriteService } from './write.service';

/** The write side: HTTP → command → decider → append. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [OrganisationsController, PostsController, PeopleController, MeetingsController],
  providers: [
    CommandRunner,
    IdempotencyService,
    RegistryClock,
    WriteService,
    RelationsIndex,
    CrossStreamFacts,
    OrganisationWriteHandler,
    IinReservations,
    PersonWriteHandler,
    MeetingWriteHandler,
    EventLocator,
  ],
  exports: [CommandRunner, RegistryClock, RelationsIndex, WriteService, IdempotencyService, IinReservations],
})
export class WritesModule {}
