//! The schemas of the types that read outside input, for the API document: built from
//! the same patterns, bounds and lists the types check, so the two cannot drift.

use crate::bounds::{DaysAgo, PageNumber};
use crate::geo::{CommuneCode, ProvinceCode, RegionCode};
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{KnownFormat, RefOr};
use utoipa::{PartialSchema, ToSchema};

macro_rules! schema {
    ($ty:ty, $build:expr) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                let b: ObjectBuilder = $build;
                RefOr::T(Schema::Object(b.build()))
            }
        }
        impl ToSchema for $ty {}
    };
}

fn code(pattern: String, example: &str, what: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .examples([example])
        .description(Some(what))
}

fn whole(min: u32, max: u32, what: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(min))
        .maximum(Some(max))
        .description(Some(what))
}

fn listed<'a>(values: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.into_iter().map(str::to_owned)))
}

schema!(
    RegionCode,
    code(RegionCode::pattern(), "07", "HCP region code")
);
schema!(
    ProvinceCode,
    code(
        ProvinceCode::pattern(),
        "07.427",
        "HCP province or prefecture code"
    )
);
schema!(
    CommuneCode,
    code(CommuneCode::pattern(), "07.427.01.01", "HCP commune code")
);
schema!(
    PageNumber,
    whole(PageNumber::MIN, PageNumber::MAX, "1-based page")
);
schema!(
    DaysAgo,
    whole(DaysAgo::MIN, DaysAgo::MAX, "Days back from today")
);
schema!(
    crate::establishments::Status,
    listed(
        crate::establishments::Status::ALL
            .iter()
            .map(|s| s.as_str())
    )
);
schema!(
    crate::applications::Status,
    listed(crate::applications::Status::ALL.iter().map(|s| s.as_str()))
);
schema!(
    crate::applications::Decision,
    listed(
        crate::applications::Decision::ALL
            .iter()
            .map(|d| d.as_str())
    )
);
