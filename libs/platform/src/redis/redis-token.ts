/** The shared Redis connection (rate limits, caches). BullMQ opens its own from `redisOptions`. */
export const REDIS = Symbol('REDIS');
