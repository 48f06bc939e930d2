// Public API of @hallkit/sync. Device half: DeviceStore (+ Outbox, Inbox, ConfigStore, TelemetryBuffer)
// and DeviceLink. Center half: OutboxIngest, ConfigPublisher, CommandSender, RequestResponder,
// PresenceTracker, publishHall. Protocol: topics and zod schemas. See docs/protocol.md.
export * from './protocol/topics.ts';
export * from './protocol/messages.ts';
export * from './protocol/decode.ts';
export * from './Logger.ts';
export * from './store/migrations.ts';
export * from './store/DeviceStore.ts';
export { openDurableDatabase, type DurableOpenOptions } from './store/durableDatabase.ts';
export * from './outbox/Outbox.ts';
export * from './inbox/Inbox.ts';
export * from './config/ConfigStore.ts';
export * from './telemetry/TelemetryBuffer.ts';
export * from './link/Backoff.ts';
export * from './center/OutboxIngest.ts';
export * from './center/IngestStores.ts';
export * from './center/ConfigPublisher.ts';
export * from './center/CommandSender.ts';
export * from './center/RequestResponder.ts';
export * from './center/PresenceTracker.ts';
export * from './center/publishHall.ts';
export * from './link/DeviceLink.ts';
