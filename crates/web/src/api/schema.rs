//! The schemas of values the API checks, built from the very types that check them
//! (their bounds, patterns and lists), so that the document states what the server
//! enforces and the two cannot drift. Used with `#[schema(schema_with = …)]` and
//! `#[param(schema_with = …)]`.

use jisr_domain::bounds::{DaysAgo, PageNumber};
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr};

fn integer(min: u32, max: u32) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(min))
        .maximum(Some(max))
}

/// A 1-based page number.
pub fn page() -> ObjectBuilder {
    integer(PageNumber::MIN, PageNumber::MAX).description(Some("1-based page"))
}

/// A number of days back from today.
pub fn days_ago() -> ObjectBuilder {
    integer(DaysAgo::MIN, DaysAgo::MAX)
}

/// A string matching `pattern` (anchored at both ends).
pub fn pattern(pattern: impl Into<String>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
}

/// One of `values`.
pub fn one_of<'a>(values: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.into_iter().map(str::to_owned)))
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
}

/// The same schema, where `null` is also accepted (a field a change leaves as it is).
pub fn nullable(b: ObjectBuilder) -> RefOr<Schema> {
    let Schema::Object(mut o) = Schema::Object(b.build()) else {
        unreachable!()
    };
    o.schema_type = match o.schema_type {
        SchemaType::Type(t) => SchemaType::Array(vec![t, Type::Null]),
        other => other,
    };
    if let Some(values) = o.enum_values.as_mut() {
        values.push(serde_json::Value::Null);
    }
    RefOr::T(Schema::Object(o))
}

/// A region code, e.g. `07`.
pub fn region_code() -> ObjectBuilder {
    pattern(jisr_domain::geo::RegionCode::pattern()).examples(["07"])
}

/// A province code, e.g. `07.427`.
pub fn province_code() -> ObjectBuilder {
    pattern(jisr_domain::geo::ProvinceCode::pattern()).examples(["07.427"])
}

/// A commune code, e.g. `07.427.01.01`.
pub fn commune_code() -> ObjectBuilder {
    pattern(jisr_domain::geo::CommuneCode::pattern()).examples(["07.427.01.01"])
}

/// An authorised capacity, for one sex.
pub fn capacity() -> ObjectBuilder {
    integer(0, jisr_domain::establishments::MAX_CAPACITY as u32)
}

/// A capacity a change may leave as it is.
pub fn nullable_capacity() -> RefOr<Schema> {
    nullable(capacity())
}

/// A commune code a change may leave as it is.
pub fn nullable_commune_code() -> RefOr<Schema> {
    nullable(commune_code())
}

/// A date a change may leave as it is.
pub fn nullable_date() -> RefOr<Schema> {
    nullable(date())
}

/// A person's name in one script (either may be empty; see the operation).
pub fn person_name() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(jisr_store::applications::NAME_MAX_CHARS))
}

/// A household's size as an application states it.
pub fn household_size() -> RefOr<Schema> {
    let sizes = jisr_store::applications::HOUSEHOLD_SIZES;
    nullable(integer(*sizes.start() as u32, *sizes.end() as u32))
}

/// The household's situation in the applicant's words.
pub fn household_facts() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(jisr_store::applications::FACTS_MAX_CHARS))
}

/// A programme's code.
pub fn programme_code() -> ObjectBuilder {
    pattern(jisr_store::programmes::CODE_PATTERN)
        .min_length(Some(2))
        .max_length(Some(jisr_store::programmes::CODE_MAX))
}
