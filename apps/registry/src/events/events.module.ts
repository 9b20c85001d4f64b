import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventFeedService } from './event-feed.service';
import { EventFeedStreams, FeedStreamSettings } from './event-feed.streams';
import { EventsController } from './events.http.controller';

/** The event feed for integrators: the global log as pages and as Server-Sent Events. */
@Module({
  // ApiKeysService: a privileged stream re-checks its key as it goes.
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [EventFeedService, EventFeedStreams, FeedStreamSettings],
})
export class EventsModule {}
