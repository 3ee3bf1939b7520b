import type { RouteOptions } from 'fastify';
import { ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  url: string;
}

/**
 * Collects fastify's route table as it is built (every route registered, Nest's and the queue dashboard's):
 * pass `onRoute` to TestApp.start, read `routes` once it has started.
 */
export function routeRecorder(): { routes: Route[]; onRoute: (route: RouteOptions) => void } {
  const routes: Route[] = [];
  const onRoute = (route: RouteOptions) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
  };
  return { routes, onRoute };
}

/** The socket events every gateway of the app subscribes to, read from Nest's own metadata. */
export function socketEvents(app: TestApp): string[] {
  const events: string[] = [];
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type || typeof type !== 'function' || !Reflect.getMetadata(GATEWAY_METADATA, type)) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const event: unknown = Reflect.getMetadata(MESSAGE_METADATA, handler);
        if (typeof event === 'string') events.push(event);
      }
    }
  }
  return events;
}
