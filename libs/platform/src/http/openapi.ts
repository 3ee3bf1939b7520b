import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Every route lives under /api. */
export const API_PREFIX = 'api';

/** The OpenAPI document of an app whose routes are registered (served at /api/docs, committed as apps/api/openapi.json). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Pendamping API')
      .setDescription('Workshops, one-to-one consultations and reminders for city entrepreneur mentoring programs.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The document without running anything: Nest's preview mode registers the routes but instantiates no
 * provider, so no database, Redis or LiveKit is needed (`npm run openapi`).
 */
export async function generateOpenApiDocument(rootModule: Type<unknown> | DynamicModule): Promise<OpenAPIObject> {
  const app = await NestFactory.create(rootModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed file's text: pretty-printed in the order Nest produced, so a diff reads like the change. */
export const serializeOpenApi = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
