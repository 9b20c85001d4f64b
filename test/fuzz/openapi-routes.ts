/** The parts of the service's OpenAPI document the fuzz suite reads: its routes and their schemas. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  nullable?: boolean;
  example?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  description?: string;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; examples?: Record<string, { value: unknown }> }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  /** `POST /v1/posts/{id}/tenures`: how the summary and the findings name it. */
  key: string;
  method: Method;
  template: string;
  path: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  /** The media types the route reads, with the JSON body's schema (resolved) and example when it has one. */
  body?: { mediaTypes: string[]; schema?: Schema; example?: unknown };
}

const METHODS: Record<string, Method> = { get: 'GET', post: 'POST', delete: 'DELETE' };

/** A schema with its `$ref` followed and its `allOf` merged, so that generators see properties directly. */
export function resolveSchema(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`the document has no schema ${name}`);
    return resolveSchema(doc, { ...target, ...withoutRef(schema) });
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolveSchema(doc, part));
    const rest: Schema = { ...schema };
    delete rest.allOf;
    return parts.reduce<Schema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      rest,
    );
  }
  return schema;
}

/** The schema resolved at every depth: properties and items included. */
export function resolveDeep(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) throw new Error("the document's schemas nest deeper than the fuzz suite follows");
  const resolved = resolveSchema(doc, schema);
  const properties = resolved.properties
    ? Object.fromEntries(Object.entries(resolved.properties).map(([k, v]) => [k, resolveDeep(doc, v, depth + 1)]))
    : undefined;
  return {
    ...resolved,
    ...(properties ? { properties } : {}),
    ...(resolved.items ? { items: resolveDeep(doc, resolved.items, depth + 1) } : {}),
  };
}

function withoutRef(schema: Schema): Schema {
  const rest = { ...schema };
  delete rest.$ref;
  return rest;
}

/** Every operation of the document, in its order. */
export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [verb, operation] of Object.entries(operations)) {
      const method = METHODS[verb];
      if (!method) throw new Error(`the fuzz suite does not know the verb ${verb} of ${template}`);
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content;
      const json = content?.['application/json'];
      routes.push({
        key: `${method} ${template}`,
        method,
        template,
        path: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        headers: parameters.filter((p) => p.in === 'header'),
        body: content && {
          mediaTypes: Object.keys(content),
          schema: json?.schema && resolveDeep(doc, json.schema),
          example: json?.examples?.['example']?.value,
        },
      });
    }
  }
  return routes;
}
