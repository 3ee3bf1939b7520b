// `npm run openapi` (scripts/openapi.mjs): writes the api's OpenAPI document to apps/api/openapi.json, the
// file the web app's client is generated from. test/openapi.e2e-spec.ts fails when it is out of date.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { generateOpenApiDocument, loadConfig, serializeOpenApi } from '@pendamping/platform';
import { ApiModule } from './api.module';

const FILE = 'apps/api/openapi.json';

async function main(): Promise<void> {
  // Defaults only: the routes and their schemas do not depend on configuration.
  const document = await generateOpenApiDocument(ApiModule.forRoot(loadConfig({})));
  writeFileSync(FILE, serializeOpenApi(document));
  const operations = Object.values(document.paths).flatMap((path) => Object.keys(path)).length;
  process.stdout.write(`${FILE}: ${operations} operations\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
