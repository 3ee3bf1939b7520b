import { readFileSync } from 'node:fs';
import { serializeOpenApi } from '@pendamping/platform';
import { TestApp } from './support/test-app';

const FILE = 'apps/api/openapi.json';

/** The first line where two texts part, with a little context, so a failure says what changed. */
function firstDifference(committed: string, produced: string): string {
  const [a, b] = [committed.split('\n'), produced.split('\n')];
  const at = a.findIndex((line, i) => line !== b[i]);
  const line = at === -1 ? a.length : at;
  const context = (lines: string[]) => lines.slice(Math.max(0, line - 3), line + 3).join('\n');
  return `first difference at line ${line + 1}\n--- committed\n${context(a)}\n--- produced by the code\n${context(b)}`;
}

describe('OpenAPI document', () => {
  let api: TestApp;
  let document: any;

  beforeAll(async () => {
    api = await TestApp.start();
    document = (await api.get('/api/docs/openapi.json')).body;
  });
  afterAll(() => api.close());

  it('is committed as apps/api/openapi.json exactly as the code produces it', () => {
    const produced = serializeOpenApi(document);
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== produced) {
      throw new Error(`${FILE} is out of date: run \`npm run openapi\` and commit the file.\n${firstDifference(committed, produced)}`);
    }
  });
});
