import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The routes' tags (@ApiTags), declared so that the document describes each, in the order the UI lists them. */
const TAGS: ReadonlyArray<[name: string, description: string]> = [
  ['organisations', 'The party and its branches: founding, registration, renaming, dissolution'],
  ['posts and tenures', "An organisation's posts and who holds them"],
  ['people and membership', 'People, and their admission, transfer, suspension, reinstatement and termination'],
  ['meetings and retractions', 'Meetings of collegial bodies; retractions of recorded events'],
  ['reads: structure', 'The organisation tree, officers, members and history, as of a date and as known at a moment'],
  ['reads: people', 'A person, their positions and their membership timeline'],
  ['reads: meetings', 'Meetings and the decisions recorded on their basis; the meetings an organisation held'],
  ['reads: statistics', 'Members by region on a date'],
  ['reads: export', 'The structure and its leadership as Popolo open data'],
  ['event feed', 'The public event log, in pages or as server-sent events'],
  ['imports', 'Members brought in from a spreadsheet (CSV)'],
  ['filings', 'Documents for the regulator: previews, issued filings, what is pending'],
  ['keys', 'API keys and their roles'],
  ['audit', 'Who read whose personal data, when, and through which endpoint'],
  ['operations', 'Health and Prometheus metrics'],
];

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Baytaq Registry')
    .setDescription(
      "The system of record of a political party's organisation: foundings, posts, tenures and memberships as " +
        'immutable events, with answers in valid time ("as of") and transaction time ("as known at"). ' +
        'Errors are RFC 9457 problem details with a stable `code`.',
    )
    .setVersion('1')
    .addServer('/', 'This service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key of the registry' }, 'apiKey');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  return SwaggerModule.createDocument(app, builder.build());
}

/** Swagger UI at /docs and the OpenAPI JSON at /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
