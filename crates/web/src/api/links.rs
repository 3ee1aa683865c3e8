//! OpenAPI links: how a record an operation answers with can be read and changed
//! through its id, so that a client (or a stateful tester) can walk the chains a person
//! does: register an establishment, read it, change it, move it along its life cycle.

use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{OpenApi, RefOr};

/// `(operation, status of its answer, [(link name, target operation, path parameter)])`;
/// every parameter takes the answer's `id`.
/// `(link name, target operation, path parameter)`.
type Link = (&'static str, &'static str, &'static str);

const LINKS: &[(&str, &str, &[Link])] = &[
    (
        "create_establishment",
        "201",
        &[
            ("read", "get_establishment", "id"),
            ("change", "update_establishment", "id"),
            ("move", "transition_establishment", "id"),
            ("register", "get_establishment_register", "id"),
        ],
    ),
    (
        "get_establishment",
        "200",
        &[
            ("change", "update_establishment", "id"),
            ("move", "transition_establishment", "id"),
        ],
    ),
    (
        "create_association",
        "201",
        &[
            ("read", "get_association", "id"),
            ("change", "update_association", "id"),
        ],
    ),
    (
        "get_application",
        "200",
        &[
            ("assign", "assign_application", "id"),
            ("decide", "decide_application", "id"),
            ("ask-documents", "request_application_documents", "id"),
        ],
    ),
    (
        "create_programme",
        "201",
        &[
            ("read", "get_programme", "code"),
            ("draft", "create_programme_draft", "code"),
        ],
    ),
];

fn operations_mut(doc: &mut OpenApi) -> impl Iterator<Item = &mut Operation> {
    doc.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .filter_map(Option::as_mut)
    })
}

/// Adds the links above to the document; a name that is not an operation is a bug
/// caught by the tests.
pub fn declare(doc: &mut OpenApi) {
    let known: Vec<String> = operations_mut(doc)
        .filter_map(|op| op.operation_id.clone())
        .collect();
    for op in operations_mut(doc) {
        let Some(id) = op.operation_id.as_deref() else {
            continue;
        };
        for (_, status, links) in LINKS.iter().filter(|(source, _, _)| *source == id) {
            let Some(RefOr::T(response)) = op.responses.responses.get_mut(*status) else {
                continue;
            };
            for (name, target, param) in links.iter() {
                debug_assert!(known.iter().any(|k| k == target), "no operation {target}");
                let field = if *param == "code" { "code" } else { "id" };
                response.links.insert(
                    (*name).to_owned(),
                    RefOr::T(
                        LinkBuilder::new()
                            .operation_id(*target)
                            .parameter(*param, format!("$response.body#/{field}"))
                            .build(),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_joins_two_operations_of_the_document() {
        let doc = crate::api::openapi();
        let mut ops: Vec<(String, Vec<String>)> = Vec::new();
        for item in doc.paths.paths.values() {
            for op in [&item.get, &item.post, &item.patch].into_iter().flatten() {
                let params = op
                    .parameters
                    .iter()
                    .flatten()
                    .map(|p| p.name.clone())
                    .collect();
                ops.push((op.operation_id.clone().unwrap_or_default(), params));
            }
        }
        for (source, status, links) in LINKS {
            let (_, _) = ops
                .iter()
                .find(|(id, _)| id == source)
                .unwrap_or_else(|| panic!("no operation {source}"));
            for (_, target, param) in links.iter() {
                let (_, params) = ops
                    .iter()
                    .find(|(id, _)| id == target)
                    .unwrap_or_else(|| panic!("{source} {status}: no operation {target}"));
                assert!(
                    params.iter().any(|p| p == param),
                    "{target} has no parameter {param}"
                );
            }
        }
    }
}
