import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationWriteHandler } from '../organisations/organisation.handlers';
import { OrganisationsController } from '../organisations/organisations.http.controller';
import { PostsController } from '../organisations/posts.http.controller';
import { IinReservations } from '../people/iin-reservation.service';
import { PeopleController } from '../people/people.http.controller';
import { PersonWriteHandler } from '../people/person.handlers';
import { MeetingWriteHandler } from '../meetings/meeting.handlers';
import { MeetingsController } from '../meetings/meetings.http.controller';
import { OfficersStayMembers } from '../processes/officers-stay-members.process';
import { Processes } from '../processes/processes';
import { RetractionWriteHandler } from '../retractions/retraction.handler';
import { RetractionsController } from '../retractions/retractions.http.controller';
import { ContextLoader } from './context-loader';
import { EventLocator } from './event-locator';
import { CommandHandling } from './handle';
import { IdempotencyService } from './idempotency.service';
import { RequestHasher } from './request-hash';
import { MeetingDecisionsIndex } from './meeting-decisions.index';
import { ProcessProgress } from './process-progress';
import { RelationsIndex } from './relations.index';
import { StreamStates } from './stream-states';
import { WriteAnswers } from './write-answers';

/** The write side: route → use case → `CommandHandling.handle` → append; and the processes that follow the log. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [OrganisationsController, PostsController, PeopleController, MeetingsController, RetractionsController],
  providers: [
    CommandHandling,
    StreamStates,
    ContextLoader,
    ProcessProgress,
    IdempotencyService,
    RequestHasher,
    WriteAnswers,
    RelationsIndex,
    MeetingDecisionsIndex,
    OrganisationWriteHandler,
    IinReservations,
    PersonWriteHandler,
    MeetingWriteHandler,
    RetractionWriteHandler,
    EventLocator,
    OfficersStayMembers,
    Processes,
  ],
  exports: [
    CommandHandling,
    StreamStates,
    ContextLoader,
    RelationsIndex,
    WriteAnswers,
    IdempotencyService,
    RequestHasher,
    IinReservations,
  ],
})
export class WritesModule {}
