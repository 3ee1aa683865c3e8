// A client's view of the API, typed from the served OpenAPI document by
// openapi-typescript (scripts/contract writes ./api.d.ts): if the document stops
// describing what a client relies on, this no longer compiles.
import type { components, paths } from "./api";

type Establishment =
  paths["/api/v1/establishments/{id}"]["get"]["responses"][200]["content"]["application/json"];
type NewEstablishment =
  paths["/api/v1/establishments"]["post"]["requestBody"]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
type NotFound =
  paths["/api/v1/establishments/{id}"]["get"]["responses"][404]["content"]["application/problem+json"];

export const draft: NewEstablishment = {
  category: "elderly",
  commune_code: "07.427.01.01",
  capacity_male: 10,
  capacity_female: 10,
};

export function describe(e: Establishment): string {
  return `${e.name_fr} (${e.commune_code}): ${e.capacity_male + e.capacity_female}`;
}

export function explain(p: Problem | NotFound): string {
  const fields = (p.errors ?? []).map((f) => `${f.field}: ${f.message}`);
  return [p.title, p.detail, ...fields, p.request_id].join("\n");
}
