/** Public surface of the watch: feeds, webhooks (subscriptions, signing, delivery) and the watch loop. */
export * from './feeds.js';
export * from './feed-data.js';
export * from './hooks.js';
export * from './cycle.js';
export * from './loop.js';
export * from './whats-new.js';
export * from './ooni-step.js';
export * from './ooni-counts.js';
export { hooksAdd, hooksList, hooksRotateKey, hooksRemove, hooksDeliveries, hooksReplay, hooksDeliver, watchStatusOp, watchNewOp, watchOps } from './ops.js';
export * from './pump.js';
