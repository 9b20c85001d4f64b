import { Module } from '@nestjs/common';
import { EventFeedService } from './event-feed.service';
import { EventFeedStreams, FeedStreamSettings } from './event-feed.streams';
import { EventsController } from './events.http.controller';

/** The event feed for integrators: the global log as pages and as Server-Sent Events. */
@Module({
  controllers: [EventsController],
  providers: [EventFeedService, EventFeedStreams, FeedStreamSettings],
})
export class EventsModule {}
